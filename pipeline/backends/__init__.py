"""One backend per input format, all behind :class:`pipeline.backends.base.Backend`."""

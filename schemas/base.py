"""The strict base model: unknown fields are an error, so producers and consumers cannot drift."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)

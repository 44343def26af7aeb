"""calc-nlp: soft-tissue calcification findings from free-text radiology reports."""

from __future__ import annotations

__version__ = "0.1.0"

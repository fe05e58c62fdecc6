"""Kohtaanto: skills-based matching and ESF+ administration for Finnish employment areas."""

__version__ = "0.1.0"

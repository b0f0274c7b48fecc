"""Demo data: a fictional neighbourhood round table, deterministic for a seed and a day.

``generate_demo(db)`` fills an empty database; ``write_demo_file(path)`` makes a new file.
"""

from .generate import TABLE_NAME, DemoSummary, generate_demo, write_demo_file

__all__ = ["TABLE_NAME", "DemoSummary", "generate_demo", "write_demo_file"]

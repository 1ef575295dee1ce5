"""Article segmentation of newspaper page text."""

from ..io.read import PageText
from ..records import Article
from .segmenter import segment_text


def segment_page(page: PageText) -> list[Article]:
    """Articles and fragments of a decoded page, with its path, page number and encoding."""
    return segment_text(page.text, page.path, page.page, page.encoding)


__all__ = ["segment_page", "segment_text"]

"""The build's shelf: values kept in a temporary file, each given back as it was put."""
from __future__ import annotations

import os

import pytest

from kg.build.shelf import Shelf
from kg.records import Article


def test_values_come_back_as_they_were_put_and_a_second_put_replaces_the_first():
    shelf = Shelf()
    shelf.put("a", Article(id="a", text="Soldiers arrested the mayor.", published="2025-05-01"))
    shelf.put("b", {"Camara": ("Abdoulaye Camara", "Sadio Camara")})
    shelf.put("a", [1, 2, 3])
    assert shelf.get("b") == {"Camara": ("Abdoulaye Camara", "Sadio Camara")}
    assert shelf.get("a") == [1, 2, 3]
    assert ("a" in shelf, "c" in shelf, len(shelf)) == (True, False, 2)
    shelf.discard("a")
    shelf.discard("never put")
    assert ("a" in shelf, len(shelf)) == (False, 1)
    with pytest.raises(KeyError):
        shelf.get("a")
    shelf.close()


def test_the_values_are_on_disk_not_in_memory_and_the_file_goes_with_the_shelf():
    shelf = Shelf()
    text = "Police detained the spokesman. " * 2000
    shelf.put("long", Article(id="long", text=text))
    assert shelf.get("long").text == text
    descriptor = shelf.file.fileno()
    assert os.fstat(descriptor).st_size > 0  # compressed, in the file
    shelf.close()
    assert shelf.file.closed and len(shelf) == 0
    with pytest.raises(OSError):
        os.fstat(descriptor)

"""Helpers the tests share: the sample article's path, a generated corpus, real servers, Chromium."""

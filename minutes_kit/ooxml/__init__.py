"""The Word package as python-docx models it, at the level a release needs: named constants for
namespaces, content types and relationship types (`constants.py`), the package as parts
(`package.py`), the stories of a document with their text (`stories.py`) and the package
rebuilt from an allow-list (`rebuild.py`), and the title, subject and language written into its
properties (`properties.py`)."""

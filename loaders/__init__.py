"""Sources: read files and turn one text into records with evidence."""

"""The school card: profile, concept documents, the school's checklist across roadmaps."""

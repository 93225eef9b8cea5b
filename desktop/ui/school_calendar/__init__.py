"""The «Учебный календарь» tab of «Справочники»: the school year's periods, their edits
and the import of the region's list."""

"""The Отчёты page's widgets: the months chart and the report's tables as records."""

#!/bin/sh
# Launcher on the PATH: the program itself lives in /opt/dorozhnaya-karta (a one-folder
# bundle with its own Python). With no arguments it opens the window; `dorozhnaya-karta
# --help` lists the sub-commands (demo, export, list, deadline).
exec /opt/dorozhnaya-karta/dorozhnaya-karta "$@"

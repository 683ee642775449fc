#!/bin/sh
# Starts the tests' private Wine prefix, creating it the first time (wineboot), and keeps its
# wineserver running so that each program starts fast; or stops it.
# Usage: wine-prefix.sh start|stop PREFIX
set -eu
export WINEPREFIX="$2" WINEDEBUG=-all WINEDLLOVERRIDES='mscoree=;mshtml='
case "$1" in
  start)
    begin=$(date +%s.%N)
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
      wineboot -i < /dev/null > /dev/null 2>&1
      echo "wine: prefix $WINEPREFIX created in $(echo "$(date +%s.%N) - $begin" | bc) s"
    fi
    # Wine's own services start with the first program and outlive it: started here with no
    # output, they hold no test's output pipes open.
    wineserver -p < /dev/null > /dev/null 2>&1 || true  # fails when one runs already
    wine cmd /c exit < /dev/null > /dev/null 2>&1
    echo "wine: prefix started in $(echo "$(date +%s.%N) - $begin" | bc) s"
    ;;
  stop)
    wineserver -k < /dev/null > /dev/null 2>&1 || true
    ;;
esac

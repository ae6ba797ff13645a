#!/bin/sh
# Sets up the virtual printer the print test uses: starts the CUPS scheduler
# if it is not running, and adds "DermTestPDF", a cups-pdf printer that writes
# each job as a PDF file (cups-pdf's output folder: `Out` in
# /etc/cups/cups-pdf.conf). Idempotent: running it again changes nothing.
# Needs: cups, printer-driver-cups-pdf (Debian), and root or lpadmin rights.
# Exit 0 when the printer is ready; 1 with a reason otherwise.
set -eu

PRINTER="${DERM_TEST_PRINTER:-DermTestPDF}"

if ! command -v cupsd >/dev/null 2>&1 || ! command -v lpadmin >/dev/null 2>&1; then
  echo "setup-print-test: CUPS is not installed (apt-get install cups printer-driver-cups-pdf)." >&2
  exit 1
fi

if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  # cupsd daemonizes itself; in a container without systemd this is the way to start it.
  cupsd || true
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.5
  done
fi
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  echo "setup-print-test: the CUPS scheduler (cupsd) could not be started." >&2
  exit 1
fi

if ! lpstat -e 2>/dev/null | grep -qx "$PRINTER"; then
  PPD=""
  for f in /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd; do
    [ -f "$f" ] && PPD="$f" && break
  done
  if [ -n "$PPD" ]; then
    lpadmin -p "$PRINTER" -E -v cups-pdf:/ -P "$PPD"
  else
    MODEL="$(lpinfo -m 2>/dev/null | grep -i 'cups-pdf' | head -n 1 | cut -d' ' -f1)"
    if [ -z "$MODEL" ]; then
      echo "setup-print-test: no cups-pdf driver found (apt-get install printer-driver-cups-pdf)." >&2
      exit 1
    fi
    lpadmin -p "$PRINTER" -E -v cups-pdf:/ -m "$MODEL"
  fi
fi
cupsenable "$PRINTER" 2>/dev/null || true
cupsaccept "$PRINTER" 2>/dev/null || true
echo "setup-print-test: printer $PRINTER is ready."

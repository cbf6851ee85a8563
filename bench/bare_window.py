"""The baseline: a bare PySide6 script that shows an empty QMainWindow and reports when it is shown."""

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
if os.environ.get("CTXH_BENCH_MARKS"):
    shown = time.time()
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    print(f"mark window_shown {shown:.6f} {peak}", file=sys.stderr, flush=True)
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())

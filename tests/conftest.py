import sys
from pathlib import Path

# pytest rewrites the asserts of every test module on import, ~8 s of CPU for this suite;
# it keeps the result in __pycache__ only where bytecode may be written. Sandboxes and CI
# images often set PYTHONDONTWRITEBYTECODE: write it anyway, the one cache the loop needs.
sys.dont_write_bytecode = False

sys.path.insert(0, str(Path(__file__).parent))

"""The skeleton is usable: the installed wheel is the one built from calculators/."""

import importlib.metadata


def test_het_wheel_is_geinstalleerd():
    assert importlib.metadata.version("poortwachter") == "0.1.0"

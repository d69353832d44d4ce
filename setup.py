"""Packaging for d2lblocks; every fact comes from settings.ini, the nbdev configuration."""
from configparser import ConfigParser
from setuptools import find_packages, setup

cfg = ConfigParser(delimiters=["="])
cfg.read("settings.ini")
cfg = cfg["DEFAULT"]

def _reqs(key): return cfg.get(key, "").split()

# A framework is a `<name>_requirements` line of settings.ini (the names are d2lblocks.core.FRAMEWORKS, which
# 00_core checks); each becomes an extra, `pip install d2lblocks[jax]`, and `all` holds them all.
frameworks = [k.removesuffix("_requirements") for k in cfg if k.endswith("_requirements")
              and k.removesuffix("_requirements") not in ("", "check", "dev")]
extras = {fw: _reqs(f"{fw}_requirements") for fw in frameworks}
extras["all"] = sorted({r for fw in frameworks for r in extras[fw]})
extras["check"] = _reqs("check_requirements")
extras["dev"] = extras["all"] + extras["check"] + _reqs("dev_requirements")

setup(
    name=cfg["lib_name"],
    version=cfg["version"],
    description=cfg["description"],
    author=cfg["author"],
    license="Apache-2.0",
    python_requires=f">={cfg['min_python']}",
    packages=find_packages(include=[cfg["lib_path"], f"{cfg['lib_path']}.*"]),
    include_package_data=True,
    install_requires=_reqs("requirements"),
    extras_require=extras,
    entry_points={"console_scripts": _reqs("console_scripts"),
                  "nbdev": [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
)

"""Checks a controlmap GeoPackage with GDAL, as a GIS user would.

Run with Debian's /usr/bin/python3 (python3-gdal): gpkg.py FILE.gpkg
1. GDAL's validator (validate_gpkg.py, extra checks on) reports no error.
2. A feature moved with OGR is found by a spatial filter at its new place
   and no longer at its old one: the R-tree triggers keep the index right.
Prints one line per problem and exits 1 if there is any.
"""
import shutil
import sys
import tempfile

from osgeo import ogr
from osgeo_utils.samples import validate_gpkg

ogr.UseExceptions()


def validate(path):
    errors = validate_gpkg.check(path, abort_at_first_error=False, extra_checks=True, warning_msg=False)
    return ["validate_gpkg: Req %s: %s" % (req, msg) for req, msg in errors]


def move_and_find(path):
    """Moves the first placed feature of each layer far away, then filters."""
    problems = []
    ds = ogr.Open(path, update=1)
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayer(i)
        feature = next((f for f in layer if f.GetGeometryRef() is not None), None)
        layer.ResetReading()
        if feature is None:
            continue
        fid = feature.GetFID()
        old = feature.GetGeometryRef().Centroid()
        moved = ogr.CreateGeometryFromWkt("POINT (10 10)" if layer.GetGeomType() == ogr.wkbPoint
                                          else "MULTIPOLYGON (((10 10, 10.1 10, 10.1 10.1, 10 10.1, 10 10)))")
        feature.SetGeometry(moved)
        layer.SetFeature(feature)
        layer.SetSpatialFilterRect(9.9, 9.9, 10.2, 10.2)
        found = [f.GetFID() for f in layer]
        if found != [fid]:
            problems.append("%s: after moving feature %d, a filter at its new place finds %s" % (layer.GetName(), fid, found))
        layer.SetSpatialFilterRect(old.GetX() - 1e-6, old.GetY() - 1e-6, old.GetX() + 1e-6, old.GetY() + 1e-6)
        if fid in [f.GetFID() for f in layer if layer.GetGeomType() == ogr.wkbPoint]:
            problems.append("%s: feature %d still found at its old place" % (layer.GetName(), fid))
        layer.SetSpatialFilter(None)
    ds = None
    return problems


def main(path):
    problems = validate(path)
    with tempfile.TemporaryDirectory() as tmp:
        copy = tmp + "/moved.gpkg"
        shutil.copy(path, copy)
        problems += move_and_find(copy)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

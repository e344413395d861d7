package export

import (
	"database/sql"
	"fmt"
	"strings"
)

// rtreeTriggers are the GeoPackage 1.3 R-tree triggers (§F.3, Req 75) for
// table T, geometry column C and primary key I: they keep the index in step
// when a GIS edits the file (without them, a feature moved in QGIS or with
// ogr2ogr is not found at its new place). They call ST_* functions that
// GeoPackage readers provide (GDAL, SpatiaLite), not SQLite itself, so they
// are created after the rows and the index are written.
const rtreeTriggers = `
CREATE TRIGGER "rtree_T_C_insert" AFTER INSERT ON "T"
  WHEN (new."C" NOT NULL AND NOT ST_IsEmpty(NEW."C"))
BEGIN
  INSERT OR REPLACE INTO "rtree_T_C" VALUES (NEW."I", ST_MinX(NEW."C"), ST_MaxX(NEW."C"), ST_MinY(NEW."C"), ST_MaxY(NEW."C"));
END;
CREATE TRIGGER "rtree_T_C_update1" AFTER UPDATE OF "C" ON "T"
  WHEN OLD."I" = NEW."I" AND (NEW."C" NOTNULL AND NOT ST_IsEmpty(NEW."C"))
BEGIN
  INSERT OR REPLACE INTO "rtree_T_C" VALUES (NEW."I", ST_MinX(NEW."C"), ST_MaxX(NEW."C"), ST_MinY(NEW."C"), ST_MaxY(NEW."C"));
END;
CREATE TRIGGER "rtree_T_C_update2" AFTER UPDATE OF "C" ON "T"
  WHEN OLD."I" = NEW."I" AND (NEW."C" ISNULL OR ST_IsEmpty(NEW."C"))
BEGIN
  DELETE FROM "rtree_T_C" WHERE id = OLD."I";
END;
CREATE TRIGGER "rtree_T_C_update3" AFTER UPDATE ON "T"
  WHEN OLD."I" != NEW."I" AND (NEW."C" NOTNULL AND NOT ST_IsEmpty(NEW."C"))
BEGIN
  DELETE FROM "rtree_T_C" WHERE id = OLD."I";
  INSERT OR REPLACE INTO "rtree_T_C" VALUES (NEW."I", ST_MinX(NEW."C"), ST_MaxX(NEW."C"), ST_MinY(NEW."C"), ST_MaxY(NEW."C"));
END;
CREATE TRIGGER "rtree_T_C_update4" AFTER UPDATE ON "T"
  WHEN OLD."I" != NEW."I" AND (NEW."C" ISNULL OR ST_IsEmpty(NEW."C"))
BEGIN
  DELETE FROM "rtree_T_C" WHERE id IN (OLD."I", NEW."I");
END;
CREATE TRIGGER "rtree_T_C_delete" AFTER DELETE ON "T"
  WHEN old."C" NOT NULL
BEGIN
  DELETE FROM "rtree_T_C" WHERE id = OLD."I";
END;`

// createRTreeTriggers adds the R-tree triggers of table's geom column.
func createRTreeTriggers(tx *sql.Tx, table string) error {
	if strings.ContainsAny(table, `"`) {
		return fmt.Errorf("table name %q", table)
	}
	sqlText := strings.NewReplacer("T_C", table+"_geom", `"T"`, `"`+table+`"`, `"C"`, `"geom"`, `"I"`, `"fid"`).Replace(rtreeTriggers)
	for _, stmt := range strings.SplitAfter(sqlText, "END;") {
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		if _, err := tx.Exec(stmt); err != nil {
			return fmt.Errorf("the R-tree triggers of %s: %w", table, err)
		}
	}
	return nil
}

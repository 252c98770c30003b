/** The evidence and inventory of the case, and the case details the examiner saved beside them. */
export const INVENTORY_SQL = `select path, kind, format, size, md5, sha256, status, error, container, modified
from case_inventory order by path`;

/** The SHA-256 of each evidence file: the autosave keys the examiner's work by this set. */
export const EVIDENCE_HASHES_SQL = 'SELECT sha256 FROM case_evidence';

export const EVIDENCE_SQL = 'select name, size, md5, sha256 from case_evidence order by name';

/** SQL Server Compact databases in the evidence: they need exporting before they can be read. */
export const SDF_SQL = "select path, sha256 from case_inventory where format = 'sdf' order by path";

export const CASE_DETAILS_SQL = "select value from case_meta where key = 'case_details'";

/** A file the examiner dropped, hashed as read (the `evidence` section of findings.json). */
export interface EvidenceFile {
  name: string;
  size: number;
  md5: string;
  sha256: string;
}

/** Why an archive with no file in it gets a row of its own and no entries. */
export const emptyArchiveReason = (folders: number) =>
  folders > 0 ? `empty archive: ${folders} folder(s) and no files` : 'empty archive: no entries';

/** Progress of a running analysis, reported often and cheaply. */
export type Stage = 'ingest' | 'database' | 'messages' | 'logs' | 'analyze' | 'report';

export interface Progress {
  stage: Stage;
  /** What is happening now, in words. */
  step: string;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

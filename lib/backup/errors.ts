/** A backup or restore that cannot go on, with the message the operator reads (the CLI prints it and exits 1). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** A digest request that cannot be carried out, e.g. posting for a guild that has no channel. */
export class DigestError extends Error {
  override name = 'DigestError';

  constructor(
    message: string,
    /** The guild concerned. */
    readonly guildId: string,
  ) {
    super(message);
  }
}

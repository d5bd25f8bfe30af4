import { TextDecoder } from 'node:util';

/** `encoding="…"` in an XML prolog, or `<meta charset>` / `content="…; charset=…"` in an HTML head. */
const PROLOG = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/u;
const META = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/iu;
const HEADER = /charset\s*=\s*"?([A-Za-z0-9._:-]+)/iu;

function decoderFor(label: string | undefined): TextDecoder | null {
  if (label === undefined) return null;
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return null;
  }
}

/**
 * Decodes a fetched body to text. The charset comes from a byte-order mark, else the XML prolog (for XML the
 * document's own declaration wins, as in the XML spec), else the `Content-Type` header, else HTML `<meta>`, else UTF-8.
 * An unknown label falls through to the next source.
 * @example decodeBody(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>\xe9</a>', 'latin1'), 'text/xml') // => '<?xml …?><a>é</a>'
 */
export function decodeBody(body: Buffer, contentType: string | null): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return new TextDecoder('utf-8').decode(body);
  if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) return new TextDecoder(body[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(body);
  // The declaration itself is ASCII in every encoding a feed uses; read the head as Latin-1 to find it.
  const head = body.subarray(0, 1024).toString('latin1');
  const decoder =
    decoderFor(PROLOG.exec(head)?.[1]) ?? decoderFor(HEADER.exec(contentType ?? '')?.[1]) ?? decoderFor(META.exec(head)?.[1]) ?? new TextDecoder('utf-8');
  return decoder.decode(body);
}

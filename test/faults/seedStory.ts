/**
 * Made-up seed articles whose body follows from their headline, so that a test can tell from any loaded article
 * whether it was read whole (one version of one file) or torn (a mix of two writes).
 */

/** The headline of story `story`, version `version`. */
export function storyHeadline(story: number, version: number): string {
  return `Harbour story ${story} version ${version}`;
}

/** The body paragraphs of a story version: they name the story and version, so any mix of two writes shows. */
export function storyParagraphs(story: number, version: number): string[] {
  return [
    `The harbour master filed report ${story} revision ${version} about the tide.`,
    `Dockers said report ${story} revision ${version} matched what they saw.`,
  ];
}

/** The file text (Markdown with YAML front matter) of a story version. */
export function storyText(story: number, version: number): string {
  return `---\ntitle: "${storyHeadline(story, version)}"\nsection: Coast\n---\n\n${storyParagraphs(story, version).join('\n\n')}\n`;
}

const HEADLINE = /^Harbour story (\d+) version (\d+)$/u;

/** The story and version a headline names, or null when it is not one of ours. */
export function parseStoryHeadline(headline: string): { story: number; version: number } | null {
  const match = HEADLINE.exec(headline);
  return match ? { story: Number(match[1]), version: Number(match[2]) } : null;
}

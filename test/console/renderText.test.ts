import { describe, expect, it } from 'vitest';
import { markdownToText, renderText } from '../../src/console/renderText.js';

const plain = { color: false, now: () => 1_000_000_000_000 };

describe('markdownToText', () => {
  it('turns links, escapes and timestamps into terminal text', () => {
    expect(markdownToText('a \\*b\\* [source](https://example.org/x) <t:1000000060:R>', plain)).toBe('a *b* source <https://example.org/x> in 60 s');
  });

  it('keeps bold markers without colour and uses ANSI bold with colour', () => {
    expect(markdownToText('**Homs**', plain)).toBe('**Homs**');
    expect(markdownToText('**Homs**', { ...plain, color: true })).toBe('\u001b[1mHoms\u001b[22m');
  });
});

describe('renderText', () => {
  it('prints content, embed title, description, fields, footer and buttons', () => {
    const text = renderText(
      {
        content: 'Q',
        embeds: [{ title: 'Head', url: 'https://x.y', description: 'Body', fields: [{ name: 'F', value: 'V' }], footer: { text: 'foot' } }],
        components: [{ type: 1, components: [{ type: 2, style: 2, label: 'More ▸', custom_id: 'page:a:1' }] }],
      },
      plain,
    );
    expect(text.split('\n')).toEqual(['Q', '', '== Head ==', '<https://x.y>', 'Body', 'F: V', '-- foot', '', '[More ▸]   (type /more or /back)']);
  });

  it('marks an ephemeral answer', () => {
    expect(renderText({ content: 'no', ephemeral: true }, plain)).toBe('(only you can see this)\nno');
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeQuestion, selectAnswer, type AnswerQuery } from '../../../src/search/answers/index.js';
import type { Article } from '../../../src/corpus/types.js';
import { foldTerm, words } from '../../../src/text/index.js';

function article(headline: string, ...paragraphs: string[]): Article {
  return {
    id: 'a.txt', headline, standfirst: null, section: null, tags: [], source: null, date: null, url: null, byline: null, credit: null,
    license: null, format: 'plain', paragraphs: paragraphs.map((text) => ({ kind: 'body' as const, text })),
  };
}

/** A query whose terms are the given words, each matching itself exactly, with the given weights. */
function query(question: string, weighted: Record<string, number>): AnswerQuery {
  const terms = Object.keys(weighted);
  return {
    terms: terms.map((term) => ({ weight: weighted[term]!, known: true })),
    match: (folded) => (terms.includes(folded) ? [{ term: terms.indexOf(folded), quality: 1 }] : undefined),
    foldedQuestion: new Set(words(question).map(foldTerm)),
    analysis: analyzeQuestion(question),
  };
}

describe('selectAnswer', () => {
  const deal = article(
    'Chelsea announces Nike sponsorship',
    'Chelsea announced a long-term deal with a US sports company.',
    'Adidas made the kits, a deal worth 30 million annually. Chelsea will pay Adidas to end it.',
    'Per the contract with the US company, Chelsea would receive £60 million each year. Nike said it was excited.',
  );

  it('picks the sentence with an answer of the expected type, the rarest word next to it, over one sharing more words', () => {
    const choice = selectAnswer(deal, query('how much is the Nike deal with Chelsea worth', { nike: 9, deal: 4, chelsea: 5, worth: 4 }))!;
    expect(choice.sentences[choice.sentenceIndex]).toContain('£60 million');
    expect(choice.span?.text).toBe('£60 million');
    expect(choice.following[0]).toBeUndefined();
  });

  it('answers about an article read before (its sentences kept between questions) as about one read for the first time', () => {
    const howMuch = query('how much is the Nike deal with Chelsea worth', { nike: 9, deal: 4, chelsea: 5, worth: 4 });
    const first = selectAnswer(deal, howMuch);
    selectAnswer(deal, query('who made the kits', { kits: 9, made: 2 }));
    expect(selectAnswer(deal, howMuch)).toEqual(first);
    expect(selectAnswer(structuredClone(deal), howMuch)).toEqual(first);
  });

  describe('who did something', () => {
    const veto = article(
      'Army steps up offensive',
      'The army stepped up its attacks, a day after a UN Security Council resolution, aimed at ending the bloodshed in Syria, was blocked by Russia and China.',
      'Ministers met in Paris on Monday.',
      'Russia and China blocked a Security Council resolution on Saturday condemning Syria for its crackdown.',
    );
    const who = query('who blocked the security council resolution', { blocked: 5, security: 3, council: 3, resolution: 4 });

    it('prefers the sentence whose subject does it ("Russia and China blocked") over a lede that says it passively', () => {
      const choice = selectAnswer(veto, who)!;
      expect(choice.sentences[choice.sentenceIndex]).toMatch(/^Russia and China blocked/u);
    });

    it('takes the agent after "blocked by" as the answer, not another name nearer the question words', () => {
      const lede = article('Army steps up offensive', veto.paragraphs[0]!.text);
      expect(selectAnswer(lede, who)!.span?.text).toBe('Russia and China');
    });
  });

  describe('who holds a title', () => {
    // Built on Reuters-21578 14763.txt: the lede names the committee and a president; only the last paragraph names
    // its chairman, after the question's words.
    const committee = article(
      'House committee slashes Star Wars funding',
      "The House Armed Services Committee slashed President Reagan's funding request for the Strategic Defense Initiative.",
      'The proposals must be adopted by the full House and Senate before becoming law.',
      'Many congressmen, including House Armed Services Chairman Les Aspin, a Wisconsin Democrat, favor a smaller missile.',
    );
    const chairs = query('who chairs the house armed services committee', { chairs: 6, house: 2, armed: 4, services: 3, committee: 3 });

    it('answers with the name the question\'s words stand right before ("Armed Services Chairman Les Aspin"), not a name of the lede', () => {
      const choice = selectAnswer(committee, chairs)!;
      expect(choice.sentences[choice.sentenceIndex]).toContain('Les Aspin');
      expect(choice.span?.text).toBe('Chairman Les Aspin');
    });

    it('takes the name after "<title> are" for "who are the X" ("nominated producers are Michael Mann and Graham King")', () => {
      const oscars = article(
        'Aviator creator in Oscars snub',
        "The Oscars organisers have picked two of The Aviator's four producers to be nominated for best film.",
        "The Aviator's nominated producers are Michael Mann and Graham King - with Mr Evans left off.",
      );
      const choice = selectAnswer(oscars, query("who are the aviator's nominated producers", { aviator: 6, nominated: 3, producers: 4 }))!;
      expect(choice.span?.text).toBe('Michael Mann and Graham King');
    });

    it('takes no piece of a name the question gives for an answer ("Sevens World Cups" less "Sevens World" is not a name)', () => {
      // After BBC sport/400: the question names the tournament; a quotation naming it again does not say the draw.
      const sevens = article(
        'England given tough Sevens draw',
        'England will have to negotiate a tough draw to win the Rugby World Cup Sevens in Hong Kong. They face Samoa, France and Italy.',
        '"England can hold both the 15s and Sevens World Cups at the same time," said coach Mike Friday. "England have a fantastic record in Hong Kong."',
      );
      const draw = query('what draw did england get for the rugby world cup sevens in hong kong', { draw: 5, england: 2, rugby: 3, world: 2, cup: 3, sevens: 6, hong: 4, kong: 4 });
      expect(selectAnswer(sevens, draw)!.sentences[0]).toMatch(/^England will have to negotiate/u);
      const quoteOnly = article(sevens.headline, sevens.paragraphs[1]!.text);
      expect(selectAnswer(quoteOnly, draw)!.span?.text).not.toBe('Cups');
    });

    it('does not take one common word before a name for a title ("UK firm Tibbett & Britten" does not say who bids)', () => {
      const exel = article(
        'Takeover rumour lifts Exel shares',
        'Shares in delivery firm Exel closed up 9% on speculation it is to receive an imminent takeover bid.',
        'Exel has been active in the logistics sector, paying £328m to buy fellow UK firm Tibbett & Britten last August.',
      );
      const choice = selectAnswer(exel, query('which company is tipped to bid for logistics firm exel', { tipped: 6, bid: 3, logistics: 4, firm: 2, exel: 8 }))!;
      expect(choice.sentences[choice.sentenceIndex]).toMatch(/^Shares in delivery firm/u);
    });
  });

  it('answers keywords with the opening of the story when a later sentence holds only a little more of them', () => {
    const text = article(
      'Santy worm makes unwelcome visit',
      'Thousands of bulletin boards have been defaced by a virus.',
      'The Santy worm hit more than 40,000 websites within a day.',
      'Google began blocking infected sites. Security firms were alerted. The attack now seems to be over.',
      'Sites hit by the worm searched for other websites running the phpBB software.',
    );
    const choice = selectAnswer(text, query('santy worm phpbb websites', { santy: 6, worm: 4, phpbb: 5, websites: 3 }))!;
    expect(choice.span).toBeNull();
    expect(choice.sentences[choice.sentenceIndex]).toContain('40,000 websites');
  });

  it('shows keywords naming an amount the sentence that gives the figure beside the one that names the story', () => {
    // After BBC business/035: the keywords name the takeover, told after the figure asked for; without a figure wanted,
    // the lede, not the figure, is shown beside it.
    const text = article(
      "Ad firm WPP's profits surge",
      'UK advertising giant WPP has posted larger-than-expected annual profits and predicted that it will outperform the market.',
      'Pre-tax profits rose 15% from a year ago to reach £546m, ahead of forecasts. During the year WPP bought US rival Grey Global, creating a giant big enough to rival sector leader Omnicom.',
    );
    const choice = selectAnswer(text, query('wpp annual profits grey global', { wpp: 6, annual: 2, profits: 2, grey: 5, global: 2 }))!;
    expect(`${choice.sentences[choice.sentenceIndex]} ${choice.alternative}`).toContain('£546m');
  });

  it('answers "why" with a purpose right after the question\'s words ("… textile makers to halt the rise …")', () => {
    // After Reuters-21578 00891: the lede gives the purpose with no cue word; a later sentence has "due to" but says why
    // the government refused.
    const text = article(
      'Taiwan rejects textile makers exchange rate plea',
      'Central bank governor Chang Chi-cheng rejected a request by textile makers to halt the rise of the Taiwan dollar against the U.S. Dollar to stop them losing orders to South Korea, Hong Kong and Singapore, a spokesman for the Taiwan Textile Federation said.',
      'He quoted Chang as telling representatives of 19 textile associations last Saturday the government could not fix the Taiwan dollar exchange rate at 35 to one U.S. Dollar due to U.S. Pressure for an appreciation of the local currency.',
    );
    const why = query('why do taiwan textile makers want the exchange rate held', { taiwan: 3, textile: 4, makers: 3, want: 1, exchange: 2, rate: 2, held: 2 });
    const choice = selectAnswer(text, why)!;
    expect(choice.sentences[choice.sentenceIndex]).toMatch(/^Central bank governor/u);
    expect(choice.span?.text).toMatch(/^to halt the rise/u);
  });

  it('answers "what fine did …" with the sum, not with a name standing among the question\'s words', () => {
    const text = article(
      'Harbour firm settles',
      'Units of Northport Harbour Holdings agreed to settle with the Coastal Markets Authority, the market regulator said.',
      'The Northport units will pay $12m to close the case.',
    );
    const fine = query('what fine did northport units agree to pay the market regulator', { fine: 5, northport: 6, units: 3, agree: 2, pay: 2, market: 2, regulator: 3 });
    const choice = selectAnswer(text, fine)!;
    expect(choice.span?.text).toBe('$12m');
  });

  it('answers "why did X do Y" with the motive X gave (", saying …") over an earlier cue about something else', () => {
    const text = article(
      'Council pool row',
      'A row broke out after the council closed the town pool amid a dispute over parking fees.',
      'The council has shut the pool, saying repairs to the roof would cost too much.',
    );
    const why = query('why did the council shut the pool', { council: 3, shut: 4, pool: 5 });
    const choice = selectAnswer(text, why)!;
    expect(choice.span?.text).toBe('saying repairs to the roof would cost too much');
  });

  it('leaves out an answer the question itself contains', () => {
    const text = article('Budget', 'The 2011 budget plan is worth $3.83 trillion, officials said in 2010.');
    const choice = selectAnswer(text, query('how big is the budget plan for 2011', { budget: 3, plan: 2, 2011: 6 }))!;
    expect(choice.span?.text).toBe('$3.83 trillion');
  });

  it('answers "what did X say" with a sentence quoting X', () => {
    const text = article(
      'Livni on Hamas',
      'Tzipi Livni spoke about Hamas on television on Monday.',
      '"We could hit Hamas with another military blow," said Livni.',
    );
    const choice = selectAnswer(text, query('what did Tzipi Livni say about Hamas', { tzipi: 8, livni: 8, hamas: 5 }))!;
    expect(choice.sentences[choice.sentenceIndex]).toContain('We could hit Hamas');
    expect(choice.span?.type).toBe('quote');
  });

  it('answers "what did X say" with a quotation X speaks later in the paragraph that names X ("…," he said)', () => {
    // After BBC politics on the hunting ban: the speaker is named, then quoted two sentences on; another speaker's
    // quotation, as close to the question, does not answer it.
    const text = article(
      'Hunting ban in force',
      'The ban came into force on Friday.',
      '"The hunting ban is unworkable," said Mr Jones.',
      'Simon Hart of the Countryside Alliance has questioned the police. He spoke in London. "The hunting ban is so blurred that you can hunt a rat, but not a mouse," he said.',
    );
    const choice = selectAnswer(text, query('what did simon hart say about the hunting ban', { simon: 1, hart: 1, hunting: 6, ban: 5 }))!;
    expect(choice.sentences[choice.sentenceIndex]).toContain('you can hunt a rat');
  });

  it('answers "what did the charities say" with the charities\' quotation: "the" does not name a speaker, so another speaker quoted on the subject is no answer', () => {
    const text = article(
      'Activists demand coffee chain withdraw advert',
      'Animal rights groups have written to an environmental alliance.',
      'In a letter, the charities say that "the use of wild animals in this way is contrary to your stance on conservation".',
      'The television advert shows monkeys using coffee machines. It aired on Friday.',
      'The marketing director of Costa Coffee defended the advert with monkeys, insisting that "no compromise is made on welfare".',
    );
    const asked = query('what did the charities say about the Costa Coffee advert with monkeys', { charities: 5, costa: 7, coffee: 3, advert: 4, monkeys: 5 });
    const letter = { paragraphIndex: 1, quote: 'the use of wild animals in this way is contrary to your stance on conservation' };
    const choice = selectAnswer(text, { ...asked, attributed: () => [letter] })!;
    expect(choice.attributed).toBe(true);
    expect(choice.span?.text).toContain('contrary to your stance on conservation');
  });

  it('finds each sentence of an attributed quotation of several sentences', () => {
    const text = article('Shelling in Homs', 'Residents spoke of the shelling.', '"Rockets are falling. There are massive explosions that shook buildings," Alhomsy said.');
    const quoted = { paragraphIndex: 1, quote: 'Rockets are falling. There are massive explosions that shook buildings' };
    const choice = selectAnswer(text, { ...query('what did Alhomsy say about the shelling', { alhomsy: 8, shelling: 5 }), attributed: () => [quoted] })!;
    expect(choice.attributed).toBe(true);
    expect(choice.span?.text).toBe('There are massive explosions that shook buildings');
  });

  it('says whether the rarest word is anywhere in the article, and how much of the question one sentence and the one before hold', () => {
    const text = article('Grain news', 'Stocks were stored in Inner Mongolia.', 'Trading was quiet.', 'The capital markets were calm.');
    const choice = selectAnswer(text, query('what is the capital of mongolia', { capital: 3, mongolia: 9 }))!;
    expect(choice.keyCovered).toBe(true);
    expect(choice.termShare).toBe(0.5);
  });

  it('does not count the rarest word as present when only a word close to it in spelling is (a known word is no slip)', () => {
    const text = article('Mobile news', 'Early phones had a battery life of 20 minutes.');
    const asked = query('iphone battery life', { iphone: 10, battery: 7, life: 4 });
    const withQuality = (quality: number): AnswerQuery => ({
      ...asked,
      match: (folded) => (folded === 'phones' ? [{ term: 0, quality }] : asked.match(folded)),
    });
    // An edit-distance match (0.7) is another word; a synonym (0.8) or another form (0.9) is the word.
    expect(selectAnswer(text, withQuality(0.7))!.keyCovered).toBe(false);
    expect(selectAnswer(text, withQuality(0.8))!.keyCovered).toBe(true);
  });

  it('counts the words of the sentence before the answer, across a paragraph break, towards how much of the question it holds', () => {
    const match = article(
      'Benitez backs his goalkeeper',
      'Liverpool were held after Portsmouth claimed a draw at Anfield.',
      'Dudek fumbled a cross before Lomana LuaLua headed home an injury-time equaliser.',
    );
    const question = "who scored portsmouth's equaliser at anfield";
    const choice = selectAnswer(match, query(question, { scored: 5, portsmouth: 8, equaliser: 8, anfield: 7 }))!;
    expect(choice.typedTermShare).toBe(0.75);
    // The sentence after does not count: a referent comes before.
    const reversed = article('Benitez backs his goalkeeper', match.paragraphs[1]!.text, 'Portsmouth claimed a draw at Anfield.');
    expect(selectAnswer(reversed, query(question, { scored: 5, portsmouth: 8, equaliser: 8, anfield: 7 }))!.typedTermShare).toBe(0.25);
  });

  it('offers the runner-up sentence when it scores close to the answer, and none when nothing else does', () => {
    const whales = article(
      'Japan to hunt 950 whales',
      'The Japanese whaling fleet is heading into the seas around Antarctica.',
      "Japan's fleet left port with a quota of 940 minke whales.",
      "Calls to intervene were rejected. Japan's programme is expected to kill nearly one thousand whales this season.",
    );
    const choice = selectAnswer(whales, query('how many whales will Japan hunt', { whales: 5, japan: 3, hunt: 4 }))!;
    const shown = [choice.sentences[choice.sentenceIndex], choice.alternative];
    expect(shown).toContain("Japan's fleet left port with a quota of 940 minke whales.");
    expect(shown).toContain("Japan's programme is expected to kill nearly one thousand whales this season.");
    const budget = article('Budget', 'The 2011 budget plan is worth $3.83 trillion.', 'Officials met on Monday.', 'The plan was debated.');
    const one = selectAnswer(budget, query('how big is the budget plan for 2011', { budget: 3, plan: 2, 2011: 6 }))!;
    expect(one.span?.text).toBe('$3.83 trillion');
    expect(one.alternative).toBeNull();
  });

  it('"what did X say": X named inside another speaker\'s quotation does not make it X\'s words', () => {
    const lights = article(
      'Council debates plan',
      'The council met on Monday.',
      '"Nobody has done more for the plan than Baker," she said. "It will fail without money," the treasurer said.',
      'Tom Baker, the mayor, told the meeting: "The plan means every street gets new lights."',
    );
    const choice = selectAnswer(lights, query('what did baker say about the plan', { baker: 5, plan: 3 }))!;
    expect(choice.sentences[choice.sentenceIndex]).toContain('every street gets new lights');
  });

  describe('why', () => {
    // After BBC entertainment 076: the lede's "for Christmas Day" is a weak cue, no reason; "blamed on" gives one.
    const takings = article(
      'Fockers top festive box office',
      'Meet The Fockers topped the US box office, setting a new record for Christmas Day.',
      'Takings were down on 2003, which was blamed on Christmas falling over a weekend.',
    );

    it('prefers a reason after a strong cue ("blamed on") to one after a weak cue ("for")', () => {
      const choice = selectAnswer(takings, query('why were us christmas box office takings down', { us: 1, christmas: 3, box: 2, office: 2, takings: 5, down: 2 }))!;
      expect(choice.sentences[choice.sentenceIndex]).toContain('blamed on Christmas');
    });

    it('takes a weak cue right after the question\'s verb as a reason ("arrested yesterday for suspected embezzlement")', () => {
      const arrest = article(
        'Currency chief arrested',
        'The former VW currency chief was questioned because of currency losses.',
        'The former VW currency chief was arrested yesterday for suspected embezzlement.',
      );
      const choice = selectAnswer(arrest, query('why was the former vw currency chief arrested', { former: 1, vw: 4, currency: 3, chief: 2, arrested: 5 }))!;
      expect(choice.span?.text).toBe('for suspected embezzlement');
    });

    it('answers "why" with a purpose after "the decision was made", though no question word stands before it', () => {
      // After the Wikinews seed of 2008-06-06 on Zimbabwe's rally ban: the purpose follows "made", none of the question's
      // words, and a lede with more of them but no reason stood first.
      const ban = article(
        'Opposition rallies banned',
        'Police stopped opposition leader Morgan Tsvangirai en route to a campaign rally in Zimbabwe.',
        'Afterwards, the government banned political rallies in support of Tsvangirai. Officials said the decision was made to protect the safety of Tsvangirai and party leaders.',
      );
      const choice = selectAnswer(ban, query("why did zimbabwe ban tsvangirai's rallies", { zimbabwe: 3, ban: 3, tsvangirai: 5, rallies: 3 }))!;
      expect(choice.span?.text).toMatch(/^to protect the safety/u);
    });

    it('answers "why" with a reason said outright in a sentence without the question\'s words, after one that has them', () => {
      // After BBC tech 205: the sentence giving the reason names none of the question's words; the one before it does.
      const broadband = article(
        'UK Online launches fast broadband',
        'An eight megabit service has been launched by internet service provider UK Online.',
        'It is 16 times faster than the average broadband package. The service is possible due to a new regime which allows other operators to use BT\'s exchanges.',
      );
      const why = query('why can uk online offer faster broadband now', { uk: 1, online: 2, offer: 2, faster: 3, broadband: 3, now: 1 });
      expect(selectAnswer(broadband, why)!.span?.text).toMatch(/^due to a new regime/u);
      // Not a weak cue ("for", "after"): that reason needs the question's words beside it.
      const weak = article(broadband.headline, broadband.paragraphs[0]!.text, 'It is 16 times faster than the average broadband package. The service started after a new regime began.');
      expect(selectAnswer(weak, why)!.span?.text ?? '').not.toMatch(/^after/u);
    });
  });

  it('answers "how often" with a frequency rather than a bare count', () => {
    // After BBC tech 034.
    const alerts = article(
      'Security alerts service launched',
      'Staff will comb through the hundreds of security alerts issued by firms to spot which ones matter.',
      'The government will send security alerts about six to 10 times a year.',
    );
    const choice = selectAnswer(alerts, query('how often will the government send security alerts', { government: 2, send: 2, security: 3, alerts: 5 }))!;
    expect(choice.span?.text).toBe('six to 10 times a year');
  });

  it('answers "what is X called" with the name given after "known as", not another name of the lede', () => {
    // After BBC tech 371.
    const tv = article(
      'France launches digital TV',
      'France has become the last big European country to launch a digital terrestrial TV service.',
      'Viewers will get 14 channels.',
      'The French digital terrestrial TV service is known as TNT.',
    );
    const choice = selectAnswer(tv, query('what is the french digital terrestrial tv service called', { french: 2, digital: 3, terrestrial: 4, tv: 2, service: 2 }))!;
    expect(choice.span?.text).toBe('TNT');
  });

  it('offers as runner-up, of two sentences scoring nearly alike, the one holding an answer of the expected type', () => {
    // After Wikinews 2009-02-11 (French auto rescue plan): a sentence naming the plan in the question's words scores a
    // little more than one giving a sum of it, which is what the reader asked.
    const plan = article(
      'EU warns France',
      'France announced a rescue plan for its car makers worth €6.5 billion.',
      'Officials in Brussels will study it.',
      'The French rescue plan for the car industry was praised by unions.',
      'The rescue plan gives Renault €3 billion.',
    );
    const choice = selectAnswer(plan, query('how much is the french rescue plan for the car industry', { french: 2, rescue: 4, plan: 3, car: 2, industry: 2 }))!;
    expect(choice.sentences[choice.sentenceIndex]).toContain('€6.5 billion');
    expect(choice.alternative).toBe('The rescue plan gives Renault €3 billion.');
  });

  it('answers "what did X say" with a paragraph opening "He told …" after a paragraph naming X', () => {
    // After BBC politics 021.
    const text = article(
      'Brown promises stability',
      'Mr Blair praised his chancellor, whose economy he said was the "cornerstone" of Labour\'s programme.',
      'Gordon Brown was asked about the 1992 election.',
      'He told the Today programme: "No politician should make the mistake that John Major made."',
    );
    const choice = selectAnswer(text, query('what did gordon brown say about john major', { gordon: 6, brown: 6, john: 2, major: 3 }))!;
    expect(choice.sentences[choice.sentenceIndex]).toContain('No politician should make the mistake');
  });

  it('finds nothing in an article without any of the words', () => {
    expect(selectAnswer(deal, query('bitcoin price', { bitcoin: 9, price: 3 }))).toBeNull();
  });
});

import { stemmer } from 'stemmer';

/**
 * Words that news copy and its readers use for one another: a reader asks how many "staff" a "firm" is "laying off",
 * the story says the "company" "cuts" 2,500 "jobs". Each line is one group of equivalent words (any form of a word
 * answers for any form of the others); written for news, not a general thesaurus, so that a synonym never drags in
 * an unrelated sense ("fire" is a blaze as often as a sacking: it is in no group). Groups are plain language data,
 * reviewed by hand: add a group only for a word pair a question in the user's own words missed.
 */
const GROUPS: readonly string[] = [
  // Rising and falling.
  'hike hiked rise rises rising rose risen increase increased increases grow grew growth climb climbed jump jumped surge surged soar soared',
  'fall falls falling fell fallen drop dropped decline declined slump slumped slide slid tumble tumbled plunge plunged dip dipped',
  'shrink shrank shrunk contract contracted contraction',
  'boost boosted lift lifted',
  // Dying, killing, injuring.
  'die died dies dying dead death deaths kill killed killing killings fatal murder murdered',
  'injure injured injuries wound wounded hurt',
  // Leaving a post, being removed from one, appointing.
  'resign resigned resigns resignation quit quits quitting',
  'sack sacked dismiss dismissed oust ousted fired',
  'appoint appointed named pick picked choose chose chosen select selected',
  'replace replaced succeed succeeded',
  'hire hired hires recruit recruited recruits',
  // Work and jobs.
  'job jobs staff workers employees workforce staffers',
  'unemployment jobless unemployed joblessness',
  'cut cuts axe axed shed slash slashed layoffs redundancies laying reduce reduced reduction',
  // Companies and people in them.
  'company companies firm firms corporation corp',
  'boss bosses chief ceo chairman executive',
  'chair chairs chaired chairing chairman chairwoman',
  'maker makers manufacturer manufacturers producer producers',
  'carmaker carmakers automaker automakers',
  'kids children child youngsters teenagers teens',
  // "grown-ups" as typed reaches search joined, as "grownups" (queryTerms): its pieces "grown" and "ups" mean neither.
  'adult adults grownup grownups',
  // Money and markets.
  'buy bought buying purchase purchased acquire acquired acquisition takeover sell sold selling',
  'merge merger combine combined',
  'profit profits earnings',
  'pay paid payment payout salary salaries wage wages',
  'fine fined fines penalty penalties',
  'compensation damages',
  'customer customers subscriber subscribers client clients',
  'shareholder shareholders investor investors',
  'bondholders creditors',
  'regulator regulators watchdog watchdogs',
  'probe inquiry investigation',
  'rig rigged rigging manipulate manipulated manipulation',
  'bankrupt bankruptcy insolvency insolvent',
  'economy economic',
  'tax taxes levy',
  'shares stock stocks equities',
  'deficit shortfall gap',
  'price prices cost costs',
  'income earn earns earned',
  'trade commerce',
  'forecast predict predicted outlook',
  'debt debts borrowing',
  // Law and order.
  'ban banned bans prohibit prohibited outlaw outlawed',
  'convicted guilty',
  'accuse accused allege alleged charge charged',
  'lawsuit litigation',
  'arrest arrested detain detained',
  'jail jailed prison imprisoned sentence sentenced',
  // Politics.
  'law bill legislation',
  'vote election poll ballot',
  'agreement deal accord pact treaty',
  'talks negotiations',
  'plan plans scheme proposal',
  'mp mps lawmakers legislators parliamentarians',
  'premier pm',
  'tsar czar commissioner',
  'ex former',
  'speech speeches address',
  'strike strikes walkout stoppage',
  'protest protests protesters demonstration demonstrators',
  'reject rejected scrap scrapped',
  'start started begin began launch launched',
  // Conflict and disaster.
  'attack attacks assault raid',
  'bomb bombing blast explosion',
  'soldiers troops',
  'war conflict',
  'quake earthquake',
  'illness disease',
  'doping drugs',
  // Things.
  'car cars vehicle vehicles',
  'plane planes aircraft airliner',
  'phone phones mobile mobiles handset handsets cellphone',
  'email emails e-mail',
  'film films movie movies',
  'internet web online',
  'computer computers pc pcs',
  'smoker smokers smoke smoking',
  'big bigger biggest large larger largest',
  'win won victory beat defeated',
  'award awards prize prizes',
  'team squad',
  'gadget gadgets device devices',
  // Countries and their people.
  'britain british uk britons',
  'america american americans usa',
  'china chinese',
  'japan japanese',
  'germany german germans',
  'france french',
  'italy italian italians',
  'spain spanish',
  'russia russian russians',
  'india indian indians',
  'pakistan pakistani',
  'sweden swedish swede swedes',
  'norway norwegian',
  'denmark danish',
  'netherlands dutch holland',
  'switzerland swiss',
  'ireland irish',
  'scotland scottish scots',
  'wales welsh',
  'england english',
  'greece greek greeks',
  'turkey turkish',
  'iraq iraqi iraqis',
  'iran iranian',
  'israel israeli israelis',
  'egypt egyptian',
  'brazil brazilian',
  'mexico mexican',
  'canada canadian',
  'australia australian',
  'kenya kenyan',
  'argentina argentine argentinian',
  'venezuela venezuelan',
  'korea korean',
  'philippines filipino',
  'indonesia indonesian',
  'poland polish',
  'ukraine ukrainian',
  'belgium belgian',
  'austria austrian',
  'portugal portuguese',
  'finland finnish',
  'europe european',
  'africa african',
  'zimbabwe zimbabwean',
  'nigeria nigerian',
  'singapore singaporean',
  'thailand thai',
  'vietnam vietnamese',
  'cuba cuban',
  'colombia colombian',
  'hungary hungarian',
  'syria syrian',
  'afghanistan afghan',
  'malaysia malaysian',
  'taiwan taiwanese',
  'kazakhstan kazakh',
  // British and American spellings (one edit apart, such as colour and color, fuzzy matching already finds).
  'organise organize organised organized organisation organization',
  'recognise recognize recognised recognized',
  'privatise privatize privatisation privatization',
  'criticise criticize criticised criticized',
  'apologise apologize apologised apologized',
  'authorise authorize authorised authorized',
  'modernise modernize modernised modernized',
  'stabilise stabilize',
  'liberalise liberalize liberalisation liberalization',
  'subsidise subsidize subsidised subsidized',
  'nationalise nationalize nationalisation nationalization',
  'globalisation globalization',
  'realise realize realised realized',
  'analyse analyze',
  'defence defense',
  'offence offense',
  'licence license',
  'programme program programmes programs',
  'jewellery jewelry',
  'aluminium aluminum',
  'grey gray',
];

/**
 * Porter stem → the words of every group holding a word of that stem. The plain Porter stem, not `wordStem`: an
 * irregular form in a group ("bought" of "buy") stays a synonym, so that search, which widens a word the coverage
 * uses to its synonyms but not to its forms, still reaches it.
 */
let byStem: Map<string, readonly string[]> | null = null;

function table(): Map<string, readonly string[]> {
  if (byStem) return byStem;
  const built = new Map<string, Set<string>>();
  for (const group of GROUPS) {
    const members = group.split(' ');
    for (const word of members) {
      const stem = stemmer(word);
      const set = built.get(stem) ?? built.set(stem, new Set()).get(stem)!;
      for (const member of members) set.add(member);
    }
  }
  byStem = new Map([...built].map(([stem, set]) => [stem, [...set]]));
  return byStem;
}

/**
 * The words news copy uses for `term` (folded, any form), not counting forms of `term` itself; empty when it has none.
 * @example synonymsOf('jobless') // => ['unemployment', 'unemployed']
 * @example synonymsOf('quit') // => ['resign', 'resigned', 'resigns', 'resignation']
 */
export function synonymsOf(term: string): readonly string[] {
  const stem = stemmer(term);
  const group = table().get(stem);
  if (!group) return [];
  return group.filter((word) => word !== term && stemmer(word) !== stem);
}

/**
 * Word lists the attribution rules use. Kept in one place so that adding a reporting verb or a title is a one-line
 * change; every list is lower-case.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Forms of "be" before a past participle make a passive: `it was found "offensive"`, `X was told`. */
export const PASSIVE_AUXILIARIES = words('was were is are been be being');

/** Verbs that introduce what someone said, in the forms news copy uses them. */
export const REPORTING_VERBS = words(`
  say says said saying tell tells told add adds added warn warns warned caution cautions cautioned
  describe describes described explain explains explained insist insists insisted write writes wrote
  tweet tweets tweeted ask asks asked state states stated declare declares declared announce announces announced
  argue argues argued claim claims claimed note notes noted observe observes observed remark remarks remarked
  comment comments commented reply replies replied respond responds responded answer answers answered
  continue continues continued recall recalls recalled admit admits admitted acknowledge acknowledges acknowledged
  concede concedes conceded confirm confirms confirmed deny denies denied maintain maintains maintained
  suggest suggests suggested predict predicts predicted urge urges urged stress stresses stressed
  emphasise emphasises emphasised emphasize emphasizes emphasized complain complains complained
  conclude concludes concluded vow vows vowed pledge pledges pledged promise promises promised boast boasts boasted
  joke jokes joked quip quips quipped shout shouts shouted call calls called brand brands branded dub dubs dubbed
  dismiss dismisses dismissed label labels labelled labeled condemn condemns condemned criticise criticises
  criticised criticize criticizes criticized hail hails hailed praise praises praised accuse accuses accused
  allege alleges alleged blame blames blamed report reports reported estimate estimates estimated
  reiterate reiterates reiterated reveal reveals revealed disclose discloses disclosed indicate indicates indicated
  counter counters countered retort retorts retorted protest protests protested lament laments lamented
  demand demands demanded assure assures assured testify testifies testified post posts posted
  agree agrees agreed quoted believe believes believed forecast forecasts reaffirm reaffirms reaffirmed
  speak speaks spoke
  slam slams slammed slate slates slated attack attacks attacked dismiss insist echo echoes echoed
  contend contends contended acknowledge concede admit mutter mutters muttered explain recount recounts recounted
  proclaim proclaims proclaimed advise advises advised elaborate elaborates elaborated chant chants chanted exclaim exclaims exclaimed plead pleads pleaded
  assert asserts asserted affirm affirms affirmed
  wonder wonders wondered hope hopes hoped fear fears feared add adding saying insisting arguing warning
  claiming noting stressing explaining telling describing calling urging adding read reads
`);

/** Reporting verbs that are also plural nouns ("the latest claims"): a lower-case noun phrase before them is no speaker. */
export const NOUN_LIKE_VERBS = words(`
  claims reports notes comments remarks calls answers replies states demands promises pledges vows posts protests
  brands labels forecasts estimates counters blames praises attacks hopes fears echoes rules finds
  claim report note comment remark call answer reply state demand promise pledge vow post protest brand label
  forecast estimate counter blame praise attack hope fear echo
`);

/** Participles that report speech in a trailing clause (", saying …"): their speaker is the sentence's subject. */
export const REPORTING_PARTICIPLES = words(`
  saying adding insisting arguing warning claiming noting stressing explaining telling describing calling urging
  stating declaring announcing asking writing replying responding suggesting complaining calling
`);

/** Reporting verbs that carry reported speech without quotation marks (`X said that …`). */
export const REPORTED_SPEECH_VERBS = words(`
  say says said tell tells told add adds added warn warns warned caution cautions cautioned claim claims claimed
  state states stated announce announces announced insist insists insisted argue argues argued confirm confirms
  confirmed explain explains explained note notes noted predict predicts predicted stress stresses stressed
  suggest suggests suggested admit admits admitted report reports reported estimate estimates estimated
  believe believes believed deny denies denied reveal reveals revealed rule rules ruled find finds found
  agree agrees agreed conclude concludes concluded hope hopes hoped promise promises promised pledge pledges
  pledged vow vows vowed acknowledge acknowledges acknowledged allege alleges alleged concede concedes conceded
  recall recalls recalled maintain maintains maintained reiterate reiterates reiterated assure assures assured
  emphasise emphasises emphasised emphasize emphasizes emphasized indicate indicates indicated disclose discloses
  disclosed observe observes observed contend contends contended complain complains complained counter counters
  countered reply replies replied respond responds responded testify testifies testified write writes wrote
  accept accepts accepted forecast forecasts remind reminds reminded inform informs informed admit
`);

/** Verbs after which the quotation names a thing rather than quoting anyone: `a group called "X"`. */
export const NAMING_WORDS = words(`called named entitled titled dubbed nicknamed billed styled so-called`);

/** Nouns that announce the title of a work: `the film "X"`. */
export const WORK_NOUNS = words(`
  film movie book novel song single album record track show series programme program play musical opera poem
  essay headline slogan campaign hashtag game documentary sitcom drama episode title
  exhibition painting magazine newspaper website blog brand motto
`);

/** Auxiliaries and adverbs that may sit between a subject and its reporting verb. */
export const VERB_FILLERS = words(`
  instead
  has have had is was were are will would could can may might should shall also later then previously earlier
  recently further again repeatedly publicly separately reportedly once never not often always just already
  yesterday today privately subsequently simply bluntly angrily flatly quickly furthermore moreover additionally
  however meanwhile too either neither
  did does do didn't doesn't don't won't wouldn't couldn't can't cannot hasn't haven't hadn't isn't wasn't
  didn’t doesn’t don’t won’t wouldn’t couldn’t can’t hasn’t haven’t hadn’t isn’t wasn’t
`);

/** Words that cannot be part of a speaker's noun phrase: where a backward scan for the subject stops. */
export const NP_STOP_WORDS = words(`
  according
  that which who whom whose when while where whether because as if after before since until although though
  but or nor so than to in on at by with from into onto upon about over under for of against between through
  during without within among amid across per via is was were are be been being has have had do does did
  will would could can may might should shall it its this these those there here not no also said says
  say told tells added including like unlike despite what how why
`);

/** Determiners and possessives that open a noun phrase. */
export const DETERMINERS = words(`the a an his her their its our my your this that these those one two three several some many most another`);

/** Personal pronouns that can be a speaker, each with the kind of antecedent it needs. */
export const PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'group' | 'thing'> = new Map([
  ['he', 'male'],
  ['she', 'female'],
  ['they', 'group'],
  ['it', 'thing'],
]);

/** Words of {@link TITLES} that hold no office: a party or a grade ("Lib Dem MPs", "Senior Smith"). */
export const NOT_OFFICES = words('tory labour conservative democrat republican liberal dem senior associate assistant managing keeper');

/** Titles and roles written before a name ("Mr", "President", "Foreign Secretary"): not part of the name. */
export const TITLES = words(`
  mr mrs ms miss mx dr doctor prof professor sir dame lord lady president senator sen rep representative
  congressman congresswoman governor gov lt lieutenant general gen colonel col captain capt major maj sergeant sgt
  minister secretary chancellor premier judge justice rev reverend father sister brother sheikh king queen prince
  princess pope cardinal bishop archbishop chairman chairwoman chair chief executive director coach manager
  mayor deputy vice ambassador commissioner inspector detective officer spokesman spokeswoman spokesperson
  leader head mp mep msp councillor commander admiral marshal prosecutor attorney undersecretary exchequer
  linesman referee umpire
  treasurer constable superintendent sheriff comptroller ombudsman coroner magistrate
  ${[...NOT_OFFICES].join(' ')}
`);

/** Nouns for an unnamed informant, described as a role is: "a source from the ministry", "a source close to the company". */
export const SOURCE_NOUNS = words('source sources');

/** Nouns that describe a person by what they do: "the Two Ronnies star", "a Treasury spokesperson". */
export const ROLE_NOUNS = words(`
  diplomat envoy negotiator
  counsel counselor counsellor
  billionaire tycoon magnate mogul entrepreneur philanthropist
  spokesman spokeswoman spokesperson star comedian actor actress singer rapper model presenter host author writer
  editor analyst economist strategist adviser advisor official minister secretary president chairman chairwoman
  chair director manager coach captain leader chief executive boss lawyer attorney prosecutor judge officer
  governor mayor senator congressman congresswoman mp mep councillor ambassador commissioner undersecretary
  chancellor premier king queen prince princess player striker midfielder defender goalkeeper keeper winger
  founder owner partner professor researcher scientist doctor surgeon nurse teacher student resident witness
  activist campaigner protester victim survivor driver pilot soldier general colonel commander trader broker
  dealer banker investor consultant expert veteran businessman businesswoman designer producer director
  musician guitarist drummer artist novelist poet filmmaker chef campaigner candidate mother father son daughter
  wife husband boy girl man woman fan hooker fly-half administrator adviser representative delegate
  fisherman farmer worker columnist correspondent commentator historian lecturer engineer miner nurse shopkeeper
  secretary-general master
  aide staffer insider
  holder sprinter athlete runner skipper footballer referee goalscorer youngster teenager frontman underwriter
  refiner buyer seller exporter importer supplier shipper distributor
  treasurer constable superintendent sheriff comptroller ombudsman coroner magistrate
`);

/** Titles that tell the speaker's gender, for resolving "he" and "she". */
export const GENDERED_TITLES: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['mr', 'male'], ['sir', 'male'], ['lord', 'male'], ['king', 'male'], ['prince', 'male'], ['father', 'male'],
  ['brother', 'male'], ['congressman', 'male'], ['chairman', 'male'], ['spokesman', 'male'],
  ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['dame', 'female'], ['lady', 'female'],
  ['queen', 'female'], ['princess', 'female'], ['sister', 'female'], ['congresswoman', 'female'],
  ['chairwoman', 'female'], ['spokeswoman', 'female'], ['actress', 'female'], ['businesswoman', 'female'],
  ['mother', 'female'], ['wife', 'female'], ['daughter', 'female'], ['girl', 'female'], ['woman', 'female'],
  ['businessman', 'male'], ['son', 'male'], ['husband', 'male'], ['boy', 'male'], ['man', 'male'],
]);

/** Nouns that stand for any company: "the company" is the firm, the airline or the drugmaker the article named. */
export const COMPANY_NOUNS = words(`
  company service provider utility firm group business carrier operator maker drugmaker airline retailer manufacturer
  producer chain lender insurer bank giant conglomerate multinational automaker carmaker
`);

/** Words that make a capitalised name an organisation or group rather than a person. */
export const ORGANISATION_WORDS = words(`
  commission committee council observatory organisation organization group party union association ministry
  department office agency bank company corp corporation inc ltd plc government army police court parliament
  assembly board federation league institute university college school fund foundation society network
  authority service services news times post journal reuters bbc guardian club team coalition alliance front
  movement forces force navy tribunal congress senate house church trust centre center securities holdings
  brothers partners industries airlines airways motors group studios records report treasury ministry
  administration exchange institution summit forum conference chamber chambers
`);

/** Subject pronouns: the word after one is a verb ("He claims …", "she described as …"). */
export const SUBJECT_PRONOUNS = words('i you he she it we they');

/**
 * True when `word` is a role noun in the plural ("Officials", "ministers"): several of a body's people, not the body
 * nor one person.
 */
export const isPluralRole = (word: string): boolean => /[^s]s$/u.test(word) && ROLE_NOUNS.has(word.toLowerCase().slice(0, -1));

/** Month names: dates, though capitalised ("In January Henkel said", "the Audit Office on March 3"). */
export const MONTHS = words('january february march april may june july august september october november december');
/** Day and month names: a date after "on" ("the Audit Office on Monday"), never the rest of a name. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([...words('monday tuesday wednesday thursday friday saturday sunday'), ...MONTHS]);

/** Sentence-opening words that are capitalised only because they open the sentence. */
export const SENTENCE_OPENERS = words(`
  but and however yet so also meanwhile still now then later earlier yesterday today tomorrow separately
  instead indeed moreover furthermore finally first last thus hence while although though when after before
  monday tuesday wednesday thursday friday saturday sunday on in at speaking writing asked
  nevertheless nonetheless likewise similarly additionally consequently therefore accordingly elsewhere ultimately
  if unless because since until whether
`);

/** Countries written as acronyms: organisations to the name reader ("the US said"), never "the company". */
export const COUNTRY_ACRONYMS: ReadonlySet<string> = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'U.S.', 'U.K.']);

/**
 * Nouns that carry someone's words: `The firm's view is that banks should do more`, `"…," was the opinion of X`.
 */
export const VIEW_NOUNS = new Set(['view', 'position', 'belief', 'argument', 'assessment', 'opinion', 'contention', 'message', 'conclusion', 'case', 'stance', 'fear', 'hope', 'concern', 'worry', 'complaint', 'claim', 'point']);

/**
 * Questions the benchmark asks. Only the questions and the paths of their answer articles live here: the research
 * corpora (../shared/corpora) are read at bench time and never copied into the project.
 */

/** A question whose answer article is known: `file` is `<corpus>/<path inside the corpus>`. */
export interface KnownAnswer {
  question: string;
  file: string;
  /** The answer as written in the article: counted when a shown excerpt of the right article holds it. */
  answer: string;
}

/** Quality set: each question was written after reading its answer article (BBC 2005 and Reuters-21578). */
export const KNOWN_ANSWERS: readonly KnownAnswer[] = [
  { question: 'How much did Time Warner quarterly profits rise?', file: 'bbc-news-2005/business/001.txt', answer: '76%' },
  { question: 'Did the appeal court throw out the government tobacco case?', file: 'bbc-news-2005/business/010.txt', answer: 'thrown out by an appeal court' },
  { question: 'How does Nigeria plan to triple cocoa production?', file: 'bbc-news-2005/business/120.txt', answer: '600,000 tonnes' },
  { question: 'How much is Johnson & Johnson paying for Guidant?', file: 'bbc-news-2005/business/300.txt', answer: '$25.4bn' },
  { question: 'When did the Mary Poppins musical open in the West End?', file: 'bbc-news-2005/entertainment/005.txt', answer: 'opening night' },
  { question: 'How many Billboard award nominations did Usher get?', file: 'bbc-news-2005/entertainment/150.txt', answer: '13 categories' },
  { question: 'Which British actress is making her debut in a Bollywood film?', file: 'bbc-news-2005/entertainment/300.txt', answer: 'Antonia Bernath' },
  { question: 'What did the Tomlinson report propose for secondary schools?', file: 'bbc-news-2005/politics/020.txt', answer: 'four-tier diploma' },
  { question: 'Why is Ray Mallon campaigning in the North East assembly referendum?', file: 'bbc-news-2005/politics/200.txt', answer: 'more of a say' },
  { question: 'What did Gordon Brown tell the Labour spring conference?', file: 'bbc-news-2005/politics/350.txt', answer: 'proud of his party' },
  { question: 'Will Richard Dunne commit his future to Manchester City?', file: 'bbc-news-2005/sport/250.txt', answer: 'commit his long-term future' },
  { question: 'What draw did England get for the Rugby World Cup Sevens in Hong Kong?', file: 'bbc-news-2005/sport/400.txt', answer: 'Samoa, France, Italy, Georgia and Chinese Taipei' },
  { question: 'Why is Microsoft replacing Xbox power cables?', file: 'bbc-news-2005/tech/015.txt', answer: 'safety concerns' },
  { question: 'Which games maker was made an OBE in the New Year Honours?', file: 'bbc-news-2005/tech/100.txt', answer: 'Peter Molyneux' },
  { question: 'Will Windows users pay Microsoft to keep spyware off their PCs?', file: 'bbc-news-2005/tech/250.txt', answer: 'not ruled out charging' },
  { question: 'Can customers rent computing power by the hour from Sun Microsystems?', file: 'bbc-news-2005/tech/380.txt', answer: 'rent it by the hour' },
  { question: 'What did the weekly review say about rain in the Bahia cocoa zone?', file: 'reuters-21578/00001.txt', answer: 'alleviating the drought' },
  { question: 'Did Brown-Forman approve a stock split?', file: 'reuters-21578/00023.txt', answer: 'three-for-two stock split' },
  { question: 'Is Papua New Guinea setting up a corporation to invest in resources projects?', file: 'reuters-21578/01948.txt', answer: 'public corporation to invest in resources projects' },
  { question: 'When will evening futures trading start at the Chicago Board of Trade?', file: 'reuters-21578/03815.txt', answer: 'April 30' },
  { question: 'Why did Zambia talks with the IMF stall over food subsidies?', file: 'reuters-21578/05338.txt', answer: 'food subsidies' },
  { question: 'What are the merger priorities of the new NYMEX chairman?', file: 'reuters-21578/07186.txt', answer: 'merge the exchange' },
  { question: 'Will Sumita and the Bank of Japan intervene in currency markets?', file: 'reuters-21578/08710.txt', answer: 'intervene in foreign exchange markets' },
  { question: 'How is India using countertrade deals to cut its trade gap?', file: 'reuters-21578/10268.txt', answer: 'countertrade partners' },
  { question: 'How much rice and corn did the dry spell in the Philippines damage?', file: 'reuters-21578/16099.txt', answer: '111,350 hectares' },
  { question: 'What is Philippine inflation predicted to rise to?', file: 'reuters-21578/21532.txt', answer: '4.8 pct' },
];

/** Further questions as people type them (some misspelt, some with no answer), for latency only. */
export const MORE_QUESTIONS: readonly string[] = [
  'what happened to oil prices',
  'interest rates at the Bank of England',
  'who won the Australian Open',
  'iPod sales',
  'Chelsea in the Champions League',
  'when is the general election',
  'US budget deficit',
  'wheat exports to the Soviet Union',
  'OPEC production quota',
  'coffee prices in Brazil',
  'dollar against the yen',
  'mobile phones with cameras',
  'broadband in the UK',
  'box office record for a film',
  'Oscar nominations',
  'Wales in the Six Nations',
  'tax cuts before the election',
  'asylum and immigration policy',
  'identity cards bill',
  'steel industry job cuts',
  'airline merger talks',
  'takeover bid rejected by the board',
  'sugar crop in Cuba',
  'gold output in South Africa',
  'shellng in homs',
  'Yukos chief executive',
  'Deutsche Boerse bid for the London Stock Exchange',
  'violence in video games',
  'laws against spam email',
  'music downloads legal action',
  'Kelly Holmes Olympic gold',
  'Micrsoft spyware',
  'goverment borrowing figures',
  'quantum chromodynamics',
];

/** Every question timed for `/ask`: the quality set first, then the rest. */
export const ASK_QUESTIONS: readonly string[] = [...KNOWN_ANSWERS.map((known) => known.question), ...MORE_QUESTIONS];

/**
 * Asked before timing starts, as a running bot would have been asked before (the JIT compiles the hot paths): keywords
 * and one question of each style the timed set asks (how much, what did X say, when, who, why), since each style runs
 * code of its own (question analysis, quotations by a speaker, dates); none of them is timed.
 */
export const WARM_UP: readonly string[] = [
  'football transfer fee',
  'profit warning from the retailer',
  'election campaign poll',
  'new mobile phone launch',
  'central bank interest rate decision',
  'film festival award winner',
  'oil refinery strike',
  'software security flaw',
  'How much did the airline lose last year?',
  'What did the chancellor say about pensions?',
  'When will the new terminal open?',
  'Who won the snooker final?',
  'Why did the coffee price fall?',
];

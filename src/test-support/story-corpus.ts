/**
 * A labelled corpus for story clustering: news events each reported by several sources
 * in their own words (different headlines, different leads), and near-misses — other
 * events about the same people and places that share many words but are different
 * stories. Every article carries the label of its event; one-source events and
 * one-off stories are mixed in. Hours are before "now".
 */

export interface CorpusArticle {
  event: string;
  source: string;
  title: string;
  lead: string;
  hoursAgo: number;
}

interface Event {
  id: string;
  /** Each version: a source's headline and lead, and when it published. */
  versions: [source: string, title: string, lead: string, hoursAgo: number][];
}

const EVENTS: Event[] = [
  {
    id: 'rwanda-belgium-ties',
    versions: [
      [
        'Kigali Times',
        'Rwanda severs diplomatic ties with Belgium',
        'Rwanda has cut diplomatic relations with Belgium with immediate effect, accusing Brussels of undermining it during the conflict in eastern Congo.',
        2,
      ],
      [
        'Global Wire',
        'Rwanda cuts relations with Belgium over Congo stance',
        'The government in Kigali announced on Monday that it was breaking off diplomatic relations with Belgium, which it blamed for backing sanctions over the Congo war.',
        3,
      ],
      [
        'Brussels Daily',
        'Belgium expels Rwandan diplomats after Kigali breaks off ties',
        'Belgium declared Rwandan diplomats persona non grata hours after Rwanda ended diplomatic relations, calling the decision disproportionate.',
        4,
      ],
      [
        'Africa Report',
        'Diplomatic rupture: Rwanda ends ties with former colonial power Belgium',
        'Rwanda severed relations with Belgium, its former colonial ruler, in a sharp escalation of tensions over Belgian support for sanctions linked to the Congo conflict.',
        5,
      ],
      [
        'Evening Post',
        'Rwanda and Belgium sever diplomatic relations',
        'Rwanda and Belgium have each ended diplomatic engagement after Kigali accused Brussels of taking sides in the war in the Democratic Republic of Congo.',
        7,
      ],
    ],
  },
  {
    id: 'rwanda-belgium-coffee',
    versions: [
      [
        'Business Line',
        'Rwanda and Belgium sign coffee export deal',
        'Rwandan coffee growers will sell directly to Belgian roasters under a trade agreement signed in Antwerp, the two governments said.',
        30,
      ],
      [
        'Trade Weekly',
        'Belgian roasters agree to buy Rwandan beans in new pact',
        'A new agreement lets Belgian coffee roasters buy Rwandan beans without middlemen, a boost for farmers in the hills around Huye.',
        33,
      ],
    ],
  },
  {
    id: 'fed-raises-rates',
    versions: [
      [
        'Market Watchers',
        'Federal Reserve raises interest rates by a quarter point',
        'The Federal Reserve lifted its benchmark rate by 0.25 percentage points on Wednesday, its first increase this year, citing stubborn inflation.',
        1,
      ],
      [
        'Global Wire',
        'Fed lifts rates as inflation stays stubborn',
        'US central bankers voted to raise borrowing costs a quarter point, saying price growth had not cooled as fast as hoped.',
        2,
      ],
      [
        'Money Daily',
        'US central bank hikes borrowing costs for first time this year',
        'Chair Jerome Powell said the Federal Reserve would keep raising rates if inflation did not slow, after a quarter-point hike.',
        2,
      ],
      [
        'Evening Post',
        'Powell: more increases possible after Fed raises rates',
        'The Fed raised its key interest rate by a quarter of a percentage point and Jerome Powell warned that further increases remain on the table.',
        3,
      ],
      [
        'Business Line',
        'Fed rate rise jolts bond markets',
        'Treasury yields jumped after the Federal Reserve raised interest rates by 25 basis points and signalled more tightening ahead.',
        4,
      ],
      [
        'Capital Letters',
        'Interest rates go up again as Fed battles inflation',
        'Americans face higher mortgage and credit card costs after the Federal Reserve increased its benchmark rate by a quarter point.',
        5,
      ],
    ],
  },
  {
    id: 'boe-holds-rates',
    versions: [
      [
        'London Ledger',
        'Bank of England holds interest rates at 4.5%',
        'The Bank of England kept its benchmark rate unchanged at 4.5 per cent on Thursday, with policymakers split on when to cut.',
        20,
      ],
      [
        'Money Daily',
        'BoE leaves rates on hold as UK growth stalls',
        'Policymakers at the Bank of England voted to hold interest rates, pointing to weak growth in Britain and easing wage pressure.',
        22,
      ],
      [
        'Global Wire',
        'UK central bank keeps borrowing costs unchanged',
        'Britain’s central bank left interest rates where they were, resisting calls for a cut as inflation hovers above target.',
        23,
      ],
    ],
  },
  {
    id: 'apple-iphone-launch',
    versions: [
      [
        'Gadget Desk',
        'Apple unveils iPhone 17 with thinner design',
        'Apple introduced the iPhone 17 at its September event in Cupertino, with a thinner body, a brighter display and a new A19 chip.',
        6,
      ],
      [
        'Tech Pulse',
        'iPhone 17 launch: everything Apple announced',
        'Apple showed off the slimmest iPhone yet, the iPhone 17, alongside an A19 processor and longer battery life at its Cupertino keynote.',
        6,
      ],
      [
        'Global Wire',
        'Apple’s new iPhone 17 is its thinnest phone ever',
        'Apple on Tuesday launched the iPhone 17, a thinner handset with an upgraded camera and the A19 chip, priced from $899.',
        7,
      ],
      [
        'Evening Post',
        'Apple bets on slimmer iPhone 17 to revive sales',
        'Apple is hoping a thinner iPhone 17 with the new A19 chip will lure upgraders after a year of flat smartphone sales.',
        9,
      ],
    ],
  },
  {
    id: 'apple-eu-fine',
    versions: [
      [
        'Brussels Daily',
        'EU fines Apple €1.8bn over music streaming rules',
        'The European Commission fined Apple 1.8 billion euros for stopping music streaming apps from telling users about cheaper offers outside the App Store.',
        40,
      ],
      [
        'Tech Pulse',
        'Apple hit with huge EU antitrust fine over App Store',
        'European regulators imposed a 1.8 billion euro penalty on Apple, saying its App Store rules harmed music streaming rivals such as Spotify.',
        41,
      ],
      [
        'Global Wire',
        'Apple to appeal €1.8bn European Commission penalty',
        'Apple said it would appeal the European Commission’s antitrust decision over music streaming apps and the App Store.',
        43,
      ],
    ],
  },
  {
    id: 'florida-hurricane',
    versions: [
      [
        'Weather Now',
        'Hurricane Milton makes landfall near Tampa as Category 3',
        'Hurricane Milton came ashore south of Tampa Bay late Wednesday with winds of 120 mph, cutting power to more than two million homes in Florida.',
        1,
      ],
      [
        'Global Wire',
        'Milton slams Florida’s Gulf Coast, millions without power',
        'Hurricane Milton hit the Florida coast near Siesta Key, flooding streets and leaving millions of homes and businesses without electricity.',
        1,
      ],
      [
        'Evening Post',
        'Florida battered as Hurricane Milton roars ashore',
        'Storm surge and tornadoes swept Florida after Hurricane Milton made landfall as a major hurricane near Tampa.',
        2,
      ],
      [
        'Sunshine Herald',
        'Tampa Bay braces after Milton landfall',
        'Residents around Tampa Bay sheltered from Hurricane Milton’s winds as the Category 3 storm moved inland across Florida.',
        3,
      ],
      [
        'Capital Letters',
        'Biden approves emergency aid as Hurricane Milton hits Florida',
        'Federal emergency aid was approved for Florida as Hurricane Milton crashed ashore near Tampa with destructive winds and flooding.',
        3,
      ],
    ],
  },
  {
    id: 'florida-insurance-law',
    versions: [
      [
        'Sunshine Herald',
        'Florida lawmakers pass storm insurance overhaul',
        'The Florida legislature passed a bill to shore up the state’s storm insurance market, aiming to keep insurers from leaving after hurricane losses.',
        50,
      ],
      [
        'Capital Letters',
        'Florida insurance bill heads to governor’s desk',
        'A measure to stabilise Florida’s property insurance market after years of hurricane claims now goes to the governor for signature.',
        52,
      ],
    ],
  },
  {
    id: 'six-nations-scotland-france',
    versions: [
      [
        'Sports Desk',
        'Scotland stun France 24-21 in Six Nations thriller',
        'Finn Russell kicked a late penalty as Scotland beat France 24-21 at Murrayfield in the Six Nations on Saturday.',
        10,
      ],
      [
        'Global Wire',
        'Late Russell penalty gives Scotland win over France',
        'Scotland edged France 24-21 in Edinburgh, with Finn Russell’s penalty in the final minute sealing a famous Six Nations victory.',
        11,
      ],
      [
        'Evening Post',
        'Murrayfield erupts as Scots beat French',
        'A last-gasp Finn Russell penalty handed Scotland a 24-21 Six Nations win against France at Murrayfield.',
        12,
      ],
    ],
  },
  {
    id: 'six-nations-france-ireland',
    versions: [
      [
        'Sports Desk',
        'France beat Ireland to top Six Nations table',
        'France thrashed Ireland 38-17 in Dublin to go top of the Six Nations, with Antoine Dupont scoring twice.',
        60,
      ],
      [
        'Rugby World Daily',
        'Dupont double as France crush Ireland in Dublin',
        'Antoine Dupont scored two tries as France beat Ireland 38-17 at the Aviva Stadium in the Six Nations.',
        61,
      ],
    ],
  },
  {
    id: 'mars-sample',
    versions: [
      [
        'Science Today',
        'NASA rover finds possible signs of ancient life on Mars',
        'NASA’s Perseverance rover has found rock patterns in Jezero Crater that scientists say could be signs of ancient microbial life.',
        14,
      ],
      [
        'Global Wire',
        'Perseverance discovers intriguing rock on Mars',
        'A rock sampled by the Perseverance rover in Jezero Crater holds chemical signatures that could point to past life on Mars, NASA said.',
        15,
      ],
      [
        'Space Notes',
        'Could this Mars rock hold fossils? NASA says maybe',
        'Scientists working with NASA’s Perseverance rover described “leopard spot” markings in a Martian rock that may be biosignatures.',
        16,
      ],
    ],
  },
  {
    id: 'mars-mission-delay',
    versions: [
      [
        'Space Notes',
        'NASA delays Mars sample return mission',
        'NASA said the Mars Sample Return mission will be postponed again because of budget pressure, leaving rock samples stranded on Mars.',
        70,
      ],
      [
        'Science Today',
        'Mars Sample Return pushed back amid cost overruns',
        'The plan to bring Perseverance’s samples back from Mars is delayed after costs ballooned, NASA officials told Congress.',
        71,
      ],
    ],
  },
  {
    id: 'ottawa-transit-strike',
    versions: [
      [
        'Maple Post',
        'Ottawa transit workers walk off the job',
        'Bus and light rail service stopped across Ottawa on Monday after transit workers went on strike over wages.',
        26,
      ],
      [
        'Capital Region News',
        'OC Transpo strike leaves commuters stranded',
        'Commuters in Ottawa scrambled for rides after OC Transpo drivers and mechanics began a strike that halted buses and trains.',
        27,
      ],
    ],
  },
  {
    id: 'wonderland-coaster',
    versions: [
      [
        'Maple Post',
        'Canada’s Wonderland scrapping popular 20-year rollercoaster',
        'The Vaughan theme park says the ride will close before the 2025 season.',
        48,
      ],
    ],
  },
  {
    id: 'mercury-retrograde',
    versions: [
      ['Lifestyle Today', '2025 Mercury retrograde in Aries and Pisces: how to survive', 'Astrologers share tips for the weeks ahead.', 55],
    ],
  },
  {
    id: 'security-cameras',
    versions: [
      ['Gadget Desk', 'Best wireless home security cameras of 2025', 'We tested twenty cameras for image quality, privacy and price.', 36],
    ],
  },
];

/**
 * One prolific feed posting about its own local story again and again: many articles,
 * one source. Trending must not be fooled by it.
 */
const PROLIFIC: CorpusArticle[] = Array.from({ length: 8 }, (_, i) => ({
  event: 'village-fete',
  source: 'Parish Newsletter',
  title: `Village fete update ${i + 1}: bake sale and tombola at St Mary’s`,
  lead: `The St Mary’s village fete continues with a bake sale, a tombola and a dog show on the green, organisers said in update number ${i + 1}.`,
  hoursAgo: 1 + i * 0.25,
}));

export function storyCorpus(): CorpusArticle[] {
  return [
    ...EVENTS.flatMap((event) =>
      event.versions.map(([source, title, lead, hoursAgo]) => ({ event: event.id, source, title, lead, hoursAgo })),
    ),
    ...PROLIFIC,
  ];
}

/** The events with the most recent coverage by several sources, most first: what trending must put on top. */
export const EXPECTED_TOP_STORIES = [
  'florida-hurricane',
  'fed-raises-rates',
  'rwanda-belgium-ties',
  'apple-iphone-launch',
  'six-nations-scotland-france',
];

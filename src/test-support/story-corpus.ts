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
 * Events written after the clustering's constants were chosen, and never used to choose
 * them: the test reports them on their own, as a check against fitting the corpus above.
 */
const HELD_OUT: Event[] = [
  {
    id: 'kenya-election',
    versions: [
      [
        'Nairobi Star',
        'Ruto declared winner of Kenya’s presidential election',
        'Kenya’s electoral commission declared William Ruto the winner of the presidential vote with 50.5 percent, narrowly avoiding a runoff.',
        4,
      ],
      [
        'Global Wire',
        'Kenya: William Ruto wins tight presidential race',
        'William Ruto has won Kenya’s presidential election by a slim margin, the Independent Electoral and Boundaries Commission announced in Nairobi.',
        5,
      ],
      [
        'Africa Report',
        'Odinga camp rejects result as Ruto named Kenyan president-elect',
        'Supporters of Raila Odinga disputed the count after the electoral commission named William Ruto president-elect of Kenya.',
        6,
      ],
      [
        'Evening Post',
        'Close count hands Kenyan presidency to Ruto',
        'A razor-thin tally gave William Ruto victory in Kenya’s election, with rival Raila Odinga expected to challenge it in court.',
        8,
      ],
    ],
  },
  {
    id: 'kenya-drought',
    versions: [
      [
        'Nairobi Star',
        'Kenya appeals for drought aid as rains fail',
        'The government of Kenya asked donors for emergency food aid after a fourth failed rainy season left millions hungry in the north.',
        40,
      ],
      [
        'Relief Today',
        'Millions face hunger in northern Kenya drought',
        'Aid agencies warned that drought in Kenya’s Turkana and Marsabit counties has killed livestock and left families without food.',
        42,
      ],
    ],
  },
  {
    id: 'tesla-recall',
    versions: [
      [
        'Auto Beat',
        'Tesla recalls 120,000 cars over steering fault',
        'Tesla is recalling about 120,000 Model Y vehicles in the United States because a steering component can loosen, regulators said.',
        3,
      ],
      [
        'Global Wire',
        'Steering problem forces Tesla to recall Model Y SUVs',
        'US safety regulators said Tesla would recall roughly 120,000 Model Y cars after reports that a steering part could come loose.',
        4,
      ],
      [
        'Tech Pulse',
        'Tesla Model Y recall: what owners need to know',
        'Owners of affected Tesla Model Y vehicles will get a free repair after the carmaker recalled 120,000 SUVs over a loose steering bolt.',
        5,
      ],
    ],
  },
  {
    id: 'tesla-deliveries',
    versions: [
      [
        'Auto Beat',
        'Tesla reports record quarterly deliveries',
        'Tesla delivered 495,000 vehicles in the fourth quarter, a record, helped by price cuts on the Model Y and Model 3.',
        45,
      ],
      [
        'Market Watchers',
        'Tesla beats delivery forecasts as price cuts pay off',
        'Shares of Tesla rose after the company said it delivered a record 495,000 cars in the quarter, ahead of analyst forecasts.',
        46,
      ],
    ],
  },
  {
    id: 'japan-earthquake',
    versions: [
      [
        'Tokyo Dispatch',
        'Magnitude 7.5 earthquake strikes Japan’s Noto peninsula',
        'A powerful earthquake hit the Noto peninsula in Ishikawa prefecture on Monday, toppling buildings and triggering tsunami warnings along Japan’s west coast.',
        2,
      ],
      [
        'Global Wire',
        'Deadly quake hits central Japan, tsunami warning issued',
        'At least 30 people died after a magnitude 7.5 quake struck Ishikawa, Japan’s meteorological agency said, as waves reached the Noto coast.',
        3,
      ],
      [
        'Evening Post',
        'Rescuers search rubble after Noto earthquake',
        'Rescue teams in Wajima and Suzu dug through collapsed homes after the magnitude 7.5 earthquake on Japan’s Noto peninsula.',
        5,
      ],
    ],
  },
  {
    id: 'japan-rates',
    versions: [
      [
        'Market Watchers',
        'Bank of Japan ends negative interest rates',
        'The Bank of Japan raised its short-term interest rate for the first time in 17 years, ending the world’s last negative rate policy.',
        30,
      ],
      [
        'Tokyo Dispatch',
        'BOJ scraps negative rates in historic shift',
        'Japan’s central bank lifted borrowing costs above zero, abandoning the negative interest rate policy it adopted in 2016.',
        31,
      ],
    ],
  },
  {
    id: 'who-mpox',
    versions: [
      [
        'Health Watch',
        'WHO declares mpox a global health emergency',
        'The World Health Organization declared the spread of mpox in Africa a public health emergency of international concern, its highest alarm.',
        6,
      ],
      [
        'Global Wire',
        'Mpox outbreak prompts WHO emergency declaration',
        'The WHO’s director-general Tedros Adhanom Ghebreyesus said a new mpox strain spreading from Congo warranted a global emergency.',
        7,
      ],
      [
        'Africa Report',
        'Africa’s mpox surge is a world emergency, WHO says',
        'Cases of mpox in Congo and neighbouring countries led the World Health Organization to declare an international emergency.',
        9,
      ],
    ],
  },
  {
    id: 'who-malaria-vaccine',
    versions: [
      [
        'Health Watch',
        'WHO approves second malaria vaccine for children',
        'The World Health Organization recommended the R21 malaria vaccine for children, a second shot that could ease shortages in Africa.',
        58,
      ],
      [
        'Science Today',
        'Oxford malaria vaccine R21 wins WHO backing',
        'The R21 vaccine developed at Oxford University was endorsed by the WHO, clearing the way for wider use against malaria.',
        60,
      ],
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

const articlesOf = (events: Event[]): CorpusArticle[] =>
  events.flatMap((event) => event.versions.map(([source, title, lead, hoursAgo]) => ({ event: event.id, source, title, lead, hoursAgo })));

export function storyCorpus(): CorpusArticle[] {
  return [...articlesOf(EVENTS), ...PROLIFIC];
}

/** The held-out events, on their own. */
export function heldOutCorpus(): CorpusArticle[] {
  return articlesOf(HELD_OUT);
}

/** The events with the most recent coverage by several sources, most first: what trending must put on top. */
export const EXPECTED_TOP_STORIES = [
  'florida-hurricane',
  'fed-raises-rates',
  'rwanda-belgium-ties',
  'apple-iphone-launch',
  'six-nations-scotland-france',
];

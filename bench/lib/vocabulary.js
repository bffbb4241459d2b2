'use strict';

/**
 * The words bench/lib/text.js writes its prose with: ordinary English, by part of speech, each
 * list roughly most common first (the generator draws from it Zipf-like by position). Nouns and
 * verbs are inflected by rule (plural, -s, -ed, -ing; irregular forms listed below), so the
 * surface vocabulary is a few thousand words. Hand-written for the benchmark; no external list.
 */

const words = (text) => text.trim().split(/\s+/);

const NOUNS = words(`
  time year people way day thing world life hand part child place case week company system
  program question work government number night point home water room area money story fact
  month lot right study book job word business issue side kind head house service friend power
  hour game line end member law car city community name president team minute idea body
  information back parent face level office door health person art history party result change
  morning reason research girl guy moment air teacher force education foot boy age policy process
  music market sense nation plan college interest death experience effect class control care
  field development role effort rate heart drug show leader light voice wife police mind price
  report decision son view relationship town road arm difference value building action model
  season society tax director position player record paper space ground form event official
  matter center couple site project activity star table need court oil situation cost industry
  figure street image phone data picture practice piece land product doctor wall patient worker
  news test movie north love support technology step baby computer type attention film tree
  source organization hair window evidence population site floor agreement sister goal director
  deal bank food task teacher region summer benefit stage account message network customer
  manager staff package order engine machine tool device sensor valve pump battery cable panel
  screen button switch filter motor frame bracket bolt screw hinge gasket seal spring lever
  handle cover tray drawer shelf rack cabinet module board chip circuit signal channel port
  socket plug adapter charger display keyboard printer scanner camera speaker antenna router
  server database backup archive folder document file record ledger invoice receipt contract
  warranty license permit certificate policy procedure guideline standard requirement
  specification manual handbook checklist schedule calendar deadline meeting agenda budget
  forecast estimate quote proposal request approval review audit inspection survey analysis
  summary overview outline draft version release update patch upgrade feature option setting
  profile preference account password login session token key lock badge card wallet payment
  refund discount fee charge rate bill balance credit debit loan deposit transfer transaction
  shipment delivery parcel carrier warehouse inventory stock supply supplier vendor partner
  client buyer seller tenant landlord owner employee contractor volunteer visitor guest
  passenger driver pilot engineer technician analyst designer developer operator inspector
  auditor clerk assistant advisor consultant specialist coordinator supervisor administrator
  committee board council panel department division unit branch office agency ministry bureau
  factory plant mill workshop laboratory studio garage yard harbor airport station terminal
  platform bridge tunnel highway route path trail river lake ocean coast island valley hill
  mountain forest desert field garden park farm village neighborhood district province county
  border climate weather storm rain snow wind temperature pressure humidity energy fuel gas
  electricity current voltage heat cooling ventilation insulation roof ceiling foundation
  pipe drain tank boiler furnace heater fan compressor generator turbine engine gear chain belt
  wheel tire brake axle shaft bearing joint clamp hose nozzle tap faucet sink basin toilet
  shower kitchen oven stove fridge freezer dishwasher washer dryer vacuum blender kettle
  toaster lamp bulb socket outlet meter gauge dial scale thermostat alarm detector siren
  emergency accident injury risk hazard danger safety protection helmet glove mask goggles
  uniform boot jacket coat shirt fabric cotton wool leather plastic metal steel iron copper
  aluminum glass wood timber concrete brick stone sand clay paint coating varnish glue tape
  label tag sticker sign symbol icon logo brand color shape size weight length width height depth
  volume capacity speed distance direction angle surface edge corner center layer section segment
  portion share percentage ratio average total sum count amount quantity unit batch sample
  example instance pattern trend cycle phase period interval duration delay gap window limit
  threshold margin target objective priority strategy approach method technique practice habit
  routine tradition culture custom language dialect accent letter note memo email reply answer
  comment feedback complaint claim dispute appeal hearing trial verdict penalty fine sentence
  rule clause article chapter paragraph page title heading caption footnote index glossary
  appendix reference citation quote author editor publisher reader audience viewer listener
  subscriber member fan supporter critic expert scholar student pupil graduate professor lecturer
  tutor coach mentor trainee intern apprentice recruit candidate applicant nominee winner
  champion athlete runner swimmer climber rider sailor fisherman farmer gardener baker butcher
  chef waiter barber tailor carpenter plumber electrician mechanic painter builder architect
  surveyor lawyer judge jury witness victim suspect officer detective guard soldier captain
  general admiral sergeant commander chief mayor governor senator minister ambassador diplomat
  journalist reporter photographer artist musician singer dancer actor writer poet novelist
  historian scientist chemist biologist physicist doctor nurse surgeon dentist pharmacist
  therapist patient clinic hospital ward pharmacy medicine treatment therapy dose tablet vaccine
  symptom diagnosis recovery condition disease infection virus bacteria cell tissue organ blood
  bone muscle skin nerve brain lung liver kidney stomach throat tooth ear eye nose mouth lip
  tongue neck shoulder elbow wrist finger thumb knee ankle toe breakfast lunch dinner meal snack
  bread butter cheese milk cream egg rice pasta soup salad fruit apple orange lemon banana grape
  berry cherry peach pear plum tomato potato onion garlic pepper carrot bean pea corn wheat
  flour sugar salt honey coffee tea juice wine beer bottle cup glass plate bowl spoon fork knife
  pot pan lid jar box bag basket bucket barrel crate container pallet truck van trailer bus
  train tram ship boat ferry yacht plane helicopter bicycle motorcycle scooter ticket fare
  passport visa luggage suitcase backpack map compass guide tour trip journey voyage flight
  arrival departure gate lounge hotel hostel resort cabin tent campsite reservation booking
  cancellation itinerary souvenir festival concert exhibition museum gallery theater cinema
  library stadium arena gym pool court track beach harbor pier lighthouse castle palace temple
  church chapel mosque tower monument statue fountain square plaza avenue boulevard alley lane
`);

const VERBS = words(`
  make take give find keep send build hold bring buy lead leave meet pay run write read see know
  grow show begin choose sell tell think teach understand spend lose win feel stand set put cut
  get go come become use work call try ask need seem turn start help play move live believe
  happen provide include continue learn change follow stop create speak allow add offer remember
  consider appear serve expect suggest raise pass require report decide pull return explain hope
  develop carry break receive agree support hit produce eat cover catch draw describe increase
  reduce improve check confirm review approve reject update install replace repair clean inspect
  measure test verify record store load unload ship deliver order cancel refund charge bill
  contact notify remind inform register submit sign attach upload download export import print
  scan copy delete restore backup connect disconnect enable disable configure adjust calibrate
  tighten loosen remove mount fasten secure lock unlock open close press release rotate slide
  lift lower push drag drop fill empty drain flush heat cool dry wash rinse soak mix stir pour
  cook bake boil fry roast slice chop peel serve taste smell listen watch observe monitor track
  trace locate search browse filter sort rank compare evaluate assess estimate calculate count
  divide multiply share assign allocate schedule plan prepare organize arrange manage handle
  operate maintain service protect prevent avoid warn alert advise recommend encourage invite
  welcome thank praise criticize complain apologize forgive promise refuse accept deny admit
  claim argue discuss debate negotiate settle resolve solve answer reply respond react reflect
  wonder imagine dream wish prefer like love hate enjoy worry fear trust doubt suspect recognize
  identify define describe label name mention note list mark highlight underline stress emphasize
  illustrate demonstrate prove justify support oppose challenge question investigate examine
  explore discover invent design draft sketch paint decorate furnish rent lease own borrow lend
  owe earn save invest spend waste donate collect gather deliver distribute supply stock restock
  purchase acquire obtain gain reach achieve complete finish end close pause resume delay extend
  shorten expand shrink grow rise fall drop climb descend enter exit arrive depart travel
  commute drive ride fly sail walk jump climb swim dance sing laugh smile cry shout whisper
  call phone email text message post publish edit proofread translate summarize quote cite
  compile assemble package wrap seal label weigh sample sort grade approve certify license
  authorize permit forbid ban restrict limit control regulate govern vote elect appoint hire
  employ train coach mentor promote transfer dismiss retire resign apply qualify graduate enroll
  attend visit host celebrate organize sponsor fund finance budget invoice audit inspect
`);

const ADJECTIVES = words(`
  new good first last long great little own other old right big high different small large next
  early young important few public bad same able late hard major better economic strong possible
  whole free military true federal international full special easy clear recent certain personal
  open red difficult available likely short single medical current wrong private past foreign fine
  common poor natural significant similar hot dead central happy serious ready simple left
  physical general environmental financial blue democratic dark various entire close legal
  religious cold final main green nice huge popular traditional cultural wide safe quick heavy
  light warm cool dry wet clean dirty quiet loud soft bright smooth rough sharp flat round square
  narrow thick thin deep shallow empty busy calm careful correct exact accurate precise rapid slow
  steady stable fragile solid liquid frozen fresh raw ripe sweet sour bitter salty spicy mild
  plain rich cheap expensive valuable useful useless helpful harmful dangerous secure risky
  reliable flexible rigid portable compact spare extra optional mandatory standard basic advanced
  digital manual automatic electric mechanical technical practical theoretical formal casual
  official internal external local regional national global urban rural coastal northern southern
  eastern western annual monthly weekly daily hourly temporary permanent regular frequent rare
  occasional modern ancient classic original typical unusual strange familiar famous unknown
  hidden visible obvious subtle complex complicated detailed brief short direct indirect active
  passive positive negative neutral friendly polite rude honest fair generous patient gentle
  brave proud humble wise clever smart bold shy curious eager anxious nervous tired sick healthy
  fit weak powerful efficient effective successful profitable productive creative responsible
  independent reasonable sensible logical proper suitable appropriate relevant accessible
  affordable comfortable convenient pleasant attractive elegant modest generic specific unique
  separate joint mutual shared equal senior junior minor primary secondary broken damaged faulty
  defective worn loose tight missing spare complete partial total overall maximum minimum average
  normal excessive sufficient adequate limited unlimited crowded remote nearby distant upper lower
  inner outer front rear middle top bottom former latter previous following upcoming pending
  approved rejected urgent critical essential vital crucial minor seasonal wooden metallic golden
  silver purple yellow orange brown gray pink white black
`);

const ADVERBS = words(`
  also just now then only very even back there still well here too often never always really
  sometimes almost usually probably already actually again quickly soon together later finally
  carefully slowly easily clearly simply exactly nearly directly generally recently rarely
  regularly gently firmly tightly loosely properly safely quietly briefly fully partly largely
  mostly mainly currently normally typically frequently immediately eventually gradually
  previously afterwards meanwhile instead otherwise rather quite perhaps certainly definitely
  obviously apparently fortunately unfortunately automatically manually monthly weekly daily
`);

/** Determiners, pronouns, prepositions and the like: the words every chunk contains. */
const DETERMINERS_SINGULAR = words('the the the the a a this that each every our their its one another no any');
const DETERMINERS_PLURAL = words('the the the some many these those our their all most several both few other such');
const PRONOUNS_SINGULAR = words('it he she it this everyone nobody someone');
const PRONOUNS_PLURAL = words('they we they you we people');
const PRONOUNS_OBJECT = words('it it them them him her us you everyone');
const PREPOSITIONS = words(`
  of in to for with on at from by about into over after under between through during before
  without against within along across behind beyond around near toward upon among since until
  beside inside outside below above
`);
const CONJUNCTIONS = words('and but so yet and but and or');
const SUBORDINATORS = words('when because if after although while before once unless since whenever as');
const MODALS = words('can will should must may might could would');
const OPENERS = words('however moreover therefore instead meanwhile still indeed later today finally first next');

/** Past tense of the irregular (and consonant-doubling) verbs above; the rest take -ed by rule. */
const PAST = {
  make: 'made', take: 'took', give: 'gave', find: 'found', keep: 'kept', send: 'sent', build: 'built', hold: 'held',
  bring: 'brought', buy: 'bought', lead: 'led', leave: 'left', meet: 'met', pay: 'paid', run: 'ran', write: 'wrote',
  read: 'read', see: 'saw', know: 'knew', grow: 'grew', show: 'showed', begin: 'began', choose: 'chose', sell: 'sold',
  tell: 'told', think: 'thought', teach: 'taught', understand: 'understood', spend: 'spent', lose: 'lost', win: 'won',
  feel: 'felt', stand: 'stood', set: 'set', put: 'put', cut: 'cut', get: 'got', go: 'went', come: 'came',
  become: 'became', break: 'broke', catch: 'caught', draw: 'drew', eat: 'ate', speak: 'spoke', hit: 'hit',
  stop: 'stopped', ship: 'shipped', plan: 'planned', drop: 'dropped', fly: 'flew', swim: 'swam', sing: 'sang',
  ride: 'rode', drive: 'drove', rise: 'rose', fall: 'fell', lend: 'lent', forgive: 'forgave', forbid: 'forbade',
  shrink: 'shrank', slide: 'slid', wear: 'wore', admit: 'admitted', permit: 'permitted', submit: 'submitted',
  commit: 'committed', refer: 'referred', prefer: 'preferred', occur: 'occurred', ban: 'banned', chop: 'chopped',
  stir: 'stirred', jump: 'jumped', lift: 'lifted', transfer: 'transferred', control: 'controlled', label: 'labeled',
  travel: 'traveled', cancel: 'canceled', dream: 'dreamed', dig: 'dug', wrap: 'wrapped', fry: 'fried', dry: 'dried',
  apply: 'applied', supply: 'supplied', reply: 'replied', deny: 'denied', copy: 'copied', empty: 'emptied',
  try: 'tried', carry: 'carried', worry: 'worried', qualify: 'qualified', certify: 'certified', identify: 'identified',
  multiply: 'multiplied', justify: 'justified', notify: 'notified', verify: 'verified', say: 'said', lay: 'laid',
};

/** Plurals that do not follow the -s/-es/-ies rules (or have none). */
const PLURAL = {
  people: 'people', person: 'people', life: 'lives', child: 'children', wife: 'wives', knife: 'knives',
  shelf: 'shelves', foot: 'feet', tooth: 'teeth', stomach: 'stomachs', police: 'police', information: 'information',
  news: 'news', data: 'data', evidence: 'evidence', health: 'health', education: 'education', money: 'money',
  staff: 'staff', equipment: 'equipment', research: 'research', bread: 'bread', butter: 'butter', milk: 'milk',
  rice: 'rice', flour: 'flour', sugar: 'sugar', salt: 'salt', honey: 'honey', wheat: 'wheat', corn: 'corn',
  cotton: 'cotton', wool: 'wool', sand: 'sand', clay: 'clay', timber: 'timber', electricity: 'electricity',
  luggage: 'luggage', safety: 'safety', music: 'music', air: 'air', weather: 'weather', fish: 'fish',
  fisherman: 'fishermen', love: 'love', death: 'deaths', art: 'art', attention: 'attention', advice: 'advice',
};

/** Present participles that do not follow "drop a final e, add -ing". */
const ING = {
  run: 'running', set: 'setting', put: 'putting', cut: 'cutting', get: 'getting', begin: 'beginning', win: 'winning',
  stop: 'stopping', plan: 'planning', ship: 'shipping', drop: 'dropping', swim: 'swimming', hit: 'hitting',
  ban: 'banning', chop: 'chopping', stir: 'stirring', wrap: 'wrapping', dig: 'digging', admit: 'admitting',
  permit: 'permitting', submit: 'submitting', commit: 'committing', refer: 'referring', prefer: 'preferring',
  transfer: 'transferring', control: 'controlling', see: 'seeing', agree: 'agreeing', free: 'freeing',
};

module.exports = {
  NOUNS: [...new Set(NOUNS)],
  VERBS: [...new Set(VERBS)],
  ADJECTIVES: [...new Set(ADJECTIVES)],
  ADVERBS: [...new Set(ADVERBS)],
  DETERMINERS_SINGULAR,
  DETERMINERS_PLURAL,
  PRONOUNS_SINGULAR,
  PRONOUNS_PLURAL,
  PRONOUNS_OBJECT,
  PREPOSITIONS,
  CONJUNCTIONS,
  SUBORDINATORS,
  MODALS,
  OPENERS,
  PAST,
  ING,
  PLURAL,
};

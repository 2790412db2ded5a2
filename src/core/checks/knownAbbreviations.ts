/**
 * Abbreviations a draft may use without spelling them out, and those Precedent can spell out when the corpus does
 * not: the United Nations system's own, from its Editorial Manual and the Official Documents System.
 */

/** So widely known that spelling them out reads oddly. */
export const WIDELY_KNOWN = new Set([
  'UN', 'UNICEF', 'UNESCO', 'NATO', 'EU', 'US', 'USA', 'UK', 'AIDS', 'HIV', 'COVID', 'NGO', 'NGOs', 'GDP', 'ASEAN',
  'OPEC', 'WHO', 'IMF', 'SDG', 'SDGs', 'OK', 'TV', 'DNA', 'CEO', 'ID', 'IT', 'ICT', 'BRICS', 'AM', 'PM', 'FY',
  'UNGA', 'UNSC',
]);

/** Expansions of the United Nations system's abbreviations, as its documents spell them. */
export const KNOWN_EXPANSIONS: Readonly<Record<string, string>> = {
  UNODC: 'United Nations Office on Drugs and Crime',
  UNHCR: 'Office of the United Nations High Commissioner for Refugees',
  OHCHR: 'Office of the United Nations High Commissioner for Human Rights',
  OCHA: 'Office for the Coordination of Humanitarian Affairs',
  UNDP: 'United Nations Development Programme',
  UNEP: 'United Nations Environment Programme',
  UNFPA: 'United Nations Population Fund',
  UNRWA: 'United Nations Relief and Works Agency for Palestine Refugees in the Near East',
  UNOCT: 'United Nations Office of Counter-Terrorism',
  UNAMA: 'United Nations Assistance Mission in Afghanistan',
  UNMISS: 'United Nations Mission in South Sudan',
  MONUSCO: 'United Nations Organization Stabilization Mission in the Democratic Republic of the Congo',
  MINUSMA: 'United Nations Multidimensional Integrated Stabilization Mission in Mali',
  ECOSOC: 'Economic and Social Council',
  ICJ: 'International Court of Justice',
  ICC: 'International Criminal Court',
  IAEA: 'International Atomic Energy Agency',
  WFP: 'World Food Programme',
  ILO: 'International Labour Organization',
  IOM: 'International Organization for Migration',
  UNCTAD: 'United Nations Conference on Trade and Development',
  PBC: 'Peacebuilding Commission',
  PBF: 'Peacebuilding Fund',
  CTED: 'Counter-Terrorism Committee Executive Directorate',
  FATF: 'Financial Action Task Force',
  ODA: 'official development assistance',
  PKO: 'peacekeeping operations',
  DDR: 'disarmament, demobilization and reintegration',
  SIDS: 'small island developing States',
  LDCs: 'least developed countries',
  NPT: 'Treaty on the Non-Proliferation of Nuclear Weapons',
  CTBT: 'Comprehensive Nuclear-Test-Ban Treaty',
  ATT: 'Arms Trade Treaty',
  ISIL: "Islamic State in Iraq and the Levant",
};

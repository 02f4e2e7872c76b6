/** Member profiles from templates: Chinese or English names, unique emails and phone numbers, cities. */
import { cumulative, mix32, type Rng } from './prng.ts';

/** [character, pinyin] for common surnames, weighted roughly by frequency (most common first). */
const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'],
  ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['萧', 'xiao'], ['田', 'tian'], ['董', 'dong'],
  ['潘', 'pan'], ['袁', 'yuan'], ['蔡', 'cai'], ['蒋', 'jiang'], ['余', 'yu'], ['于', 'yu'], ['杜', 'du'],
  ['叶', 'ye'], ['程', 'cheng'], ['魏', 'wei'], ['苏', 'su'], ['吕', 'lv'], ['丁', 'ding'], ['沈', 'shen'],
  ['欧阳', 'ouyang'], ['上官', 'shangguan'],
];
const SURNAME_CUM = cumulative(SURNAMES.map((_, i) => 1 / (i + 4)));

const GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'],
  ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['婷', 'ting'],
  ['雪', 'xue'], ['琳', 'lin'], ['晨', 'chen'], ['宇', 'yu'], ['浩', 'hao'], ['子', 'zi'], ['涵', 'han'],
  ['欣', 'xin'], ['怡', 'yi'], ['梓', 'zi'], ['萱', 'xuan'], ['思', 'si'], ['佳', 'jia'], ['嘉', 'jia'],
  ['雨', 'yu'], ['轩', 'xuan'], ['博', 'bo'], ['文', 'wen'], ['昊', 'hao'], ['一', 'yi'], ['诺', 'nuo'],
  ['晓', 'xiao'], ['悦', 'yue'], ['然', 'ran'], ['俊', 'jun'], ['凯', 'kai'], ['鑫', 'xin'], ['瑶', 'yao'],
  ['安', 'an'], ['乐', 'le'], ['清', 'qing'], ['若', 'ruo'], ['航', 'hang'], ['泽', 'ze'], ['铭', 'ming'],
];

const FIRST_EN = [
  'Alex', 'Emily', 'Daniel', 'Sophie', 'Michael', 'Olivia', 'David', 'Grace', 'Ryan', 'Chloe', 'Kevin', 'Hannah',
  'Jason', 'Lily', 'Tom', 'Emma', 'Chris', 'Mia', 'Ben', 'Zoe', 'Sam', 'Lucy', 'Nathan', 'Amy', 'Leo', 'Ivy',
  'Eric', 'Nina', 'Jack', 'Ella', 'Oscar', 'Ruby', 'Felix', 'Clara', 'Marco', 'Anna', 'Yuki', 'Priya', 'Omar', 'Sara',
];
const LAST_EN = [
  'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Miller', 'Davis', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young',
  'King', 'Wright', 'Green', 'Baker', 'Carter', 'Turner', 'Parker', 'Evans', 'Collins', 'Murphy', 'Rossi', 'Müller',
  'Tanaka', 'Kim', 'Nguyen', 'Patel', 'Garcia', 'Lopez', 'Chan', 'Wong', 'Lee', 'Ng',
];

const ZH_DOMAINS = ['qq.com', '163.com', '126.com', 'foxmail.com', 'gmail.com', 'outlook.com', 'sina.com', 'icloud.com'];
const ZH_DOMAIN_CUM = cumulative([34, 24, 10, 10, 9, 6, 4, 3]);
const EN_DOMAINS = ['gmail.com', 'outlook.com', 'icloud.com', 'yahoo.com', 'proton.me', 'hotmail.com'];
const EN_DOMAIN_CUM = cumulative([45, 20, 14, 9, 6, 6]);

const MOBILE_PREFIXES = ['138', '139', '136', '137', '135', '150', '151', '152', '158', '159', '186', '187', '188', '189', '177', '180', '181', '133', '153', '199'];

/** Cities in English (one spelling per city, so charts group cleanly), weighted by community size. */
const ZH_CITIES = ['Shanghai', 'Beijing', 'Shenzhen', 'Guangzhou', 'Hangzhou', 'Chengdu', 'Nanjing', 'Wuhan', "Xi'an", 'Chongqing', 'Suzhou', 'Tianjin', 'Xiamen', 'Changsha', 'Kunming', 'Qingdao', 'Hong Kong', 'Taipei'];
const ZH_CITY_CUM = cumulative([20, 15, 12, 9, 9, 7, 5, 4, 3, 3, 3, 2, 2, 2, 1.5, 1.5, 1.5, 1]);
const EN_CITIES = ['Shanghai', 'Beijing', 'Shenzhen', 'Hong Kong', 'Singapore', 'London', 'New York', 'San Francisco', 'Sydney', 'Toronto', 'Berlin', 'Tokyo', 'Kuala Lumpur', 'Melbourne'];
const EN_CITY_CUM = cumulative([14, 7, 5, 12, 12, 8, 8, 6, 5, 5, 4, 4, 3, 3]);

export interface Profile {
  name: string;
  email: string;
  /** Set for about 40% of members (+86 mobile numbers). */
  phone: string | undefined;
  city: string;
}

/**
 * The profile of member `i`, drawn from its own stream so any pass can recompute it (e.g. a shared email).
 * Emails and phones embed a per-member unique number, so two members never share one by accident.
 */
export function memberProfile(rng: Rng, i: number, english: boolean): Profile {
  let name: string;
  let local: string;
  const unique = 1000 + i;
  if (english) {
    const first = rng.pick(FIRST_EN);
    const last = rng.pick(LAST_EN);
    name = `${first} ${last}`;
    const ascii = last.replace('ü', 'ue').toLowerCase();
    local = rng.chance(0.5) ? `${first.toLowerCase()}.${ascii}${unique}` : `${first.toLowerCase()[0]}${ascii}${unique}`;
  } else {
    const [sc, sp] = SURNAMES[rng.weighted(SURNAME_CUM)] as readonly [string, string];
    const [g1c, g1p] = rng.pick(GIVEN);
    name = sc + g1c;
    local = sp + g1p;
    if (rng.chance(0.7)) {
      const [g2c, g2p] = rng.pick(GIVEN);
      name += g2c;
      local += g2p;
    }
    local += String(unique);
  }
  const email = `${local}@${english ? EN_DOMAINS[rng.weighted(EN_DOMAIN_CUM)] : ZH_DOMAINS[rng.weighted(ZH_DOMAIN_CUM)]}`;
  let phone: string | undefined;
  if (rng.chance(english ? 0.15 : 0.45)) {
    // i ↦ (i·7919 + c) mod 10^8 is injective for i < 10^8 (7919 is coprime with 10), so numbers never repeat.
    const digits = String((((i * 7919) % 100_000_000) + 23_456_789) % 100_000_000).padStart(8, '0');
    const prefix = MOBILE_PREFIXES[mix32(i) % MOBILE_PREFIXES.length] as string;
    phone = `+86 ${prefix} ${digits.slice(0, 4)} ${digits.slice(4)}`;
  }
  const city = english ? (EN_CITIES[rng.weighted(EN_CITY_CUM)] as string) : (ZH_CITIES[rng.weighted(ZH_CITY_CUM)] as string);
  return { name, email, phone, city };
}

/** A plausible email for someone invited who never joined (never equal to a member's email: no digits suffix). */
export function outsiderEmail(rng: Rng): string {
  const [, sp] = SURNAMES[rng.weighted(SURNAME_CUM)] as readonly [string, string];
  const [, gp] = rng.pick(GIVEN);
  const tag = (rng.int(0x7fffffff) >>> 0).toString(36);
  return `${sp}.${gp}.${tag}@${ZH_DOMAINS[rng.weighted(ZH_DOMAIN_CUM)]}`;
}

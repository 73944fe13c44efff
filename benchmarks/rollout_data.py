"""The tables benchmarks/generate.py composes a synthetic national rollout from.

Jurisdictions (the 31 mainland provincial-level divisions and their 333 prefecture-level
divisions, codes after ISO 3166-2:CN as the repository's gd/fj/js are), the agencies each
jurisdiction has (one function word per body, the same in every jurisdiction, as
graphs/agencies.ttl names them), and the vocabulary of plan texts: for each national key
task of the 2021–2025 plan and each safeguard, titles with their English renderings and
sentences to compose item texts from, with the themes, policy instruments, carrier types
and targets a curator would record for them. Pure data; no logic beyond small lookups.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Jurisdictions -----------------------------------------------------------------------

# Code, full name, short name, English name, kind, the one-character abbreviation used in
# document numbers (文号), and the prefecture-level divisions: `name:slug` for a city
# (市 is added), `full=short:slug` for an autonomous prefecture, prefecture or league.
PROVINCES = [
    ("bj", "北京市", "北京", "Beijing", "municipality", "京", ""),
    ("tj", "天津市", "天津", "Tianjin", "municipality", "津", ""),
    ("he", "河北省", "河北", "Hebei", "province", "冀",
     "石家庄:shijiazhuang 唐山:tangshan 秦皇岛:qinhuangdao 邯郸:handan 邢台:xingtai 保定:baoding "
     "张家口:zhangjiakou 承德:chengde 沧州:cangzhou 廊坊:langfang 衡水:hengshui"),
    ("sx", "山西省", "山西", "Shanxi", "province", "晋",
     "太原:taiyuan 大同:datong 阳泉:yangquan 长治:changzhi 晋城:jincheng 朔州:shuozhou 晋中:jinzhong "
     "运城:yuncheng 忻州:xinzhou 临汾:linfen 吕梁:lvliang"),
    ("nm", "内蒙古自治区", "内蒙古", "Inner Mongolia", "region", "蒙",
     "呼和浩特:huhehaote 包头:baotou 乌海:wuhai 赤峰:chifeng 通辽:tongliao 鄂尔多斯:eerduosi "
     "呼伦贝尔:hulunbeier 巴彦淖尔:bayannaoer 乌兰察布:wulanchabu 兴安盟=兴安:xingan "
     "锡林郭勒盟=锡林郭勒:xilinguole 阿拉善盟=阿拉善:alashan"),
    ("ln", "辽宁省", "辽宁", "Liaoning", "province", "辽",
     "沈阳:shenyang 大连:dalian 鞍山:anshan 抚顺:fushun 本溪:benxi 丹东:dandong 锦州:jinzhou "
     "营口:yingkou 阜新:fuxin 辽阳:liaoyang 盘锦:panjin 铁岭:tieling 朝阳:chaoyang 葫芦岛:huludao"),
    ("jl", "吉林省", "吉林", "Jilin", "province", "吉",
     "长春:changchun 吉林:jilin 四平:siping 辽源:liaoyuan 通化:tonghua 白山:baishan 松原:songyuan "
     "白城:baicheng 延边朝鲜族自治州=延边:yanbian"),
    ("hl", "黑龙江省", "黑龙江", "Heilongjiang", "province", "黑",
     "哈尔滨:haerbin 齐齐哈尔:qiqihaer 鸡西:jixi 鹤岗:hegang 双鸭山:shuangyashan 大庆:daqing "
     "伊春:yichun 佳木斯:jiamusi 七台河:qitaihe 牡丹江:mudanjiang 黑河:heihe 绥化:suihua "
     "大兴安岭地区=大兴安岭:daxinganling"),
    ("sh", "上海市", "上海", "Shanghai", "municipality", "沪", ""),
    ("js", "江苏省", "江苏", "Jiangsu", "province", "苏",
     "南京:nanjing 无锡:wuxi 徐州:xuzhou 常州:changzhou 苏州:suzhou 南通:nantong 连云港:lianyungang "
     "淮安:huaian 盐城:yancheng 扬州:yangzhou 镇江:zhenjiang 泰州:taizhou 宿迁:suqian"),
    ("zj", "浙江省", "浙江", "Zhejiang", "province", "浙",
     "杭州:hangzhou 宁波:ningbo 温州:wenzhou 嘉兴:jiaxing 湖州:huzhou 绍兴:shaoxing 金华:jinhua "
     "衢州:quzhou 舟山:zhoushan 台州:taizhou 丽水:lishui"),
    ("ah", "安徽省", "安徽", "Anhui", "province", "皖",
     "合肥:hefei 芜湖:wuhu 蚌埠:bengbu 淮南:huainan 马鞍山:maanshan 淮北:huaibei 铜陵:tongling "
     "安庆:anqing 黄山:huangshan 滁州:chuzhou 阜阳:fuyang 宿州:suzhou 六安:luan 亳州:bozhou "
     "池州:chizhou 宣城:xuancheng"),
    ("fj", "福建省", "福建", "Fujian", "province", "闽",
     "福州:fuzhou 厦门:xiamen 莆田:putian 三明:sanming 泉州:quanzhou 漳州:zhangzhou 南平:nanping "
     "龙岩:longyan 宁德:ningde"),
    ("jx", "江西省", "江西", "Jiangxi", "province", "赣",
     "南昌:nanchang 景德镇:jingdezhen 萍乡:pingxiang 九江:jiujiang 新余:xinyu 鹰潭:yingtan "
     "赣州:ganzhou 吉安:jian 宜春:yichun 抚州:fuzhou 上饶:shangrao"),
    ("sd", "山东省", "山东", "Shandong", "province", "鲁",
     "济南:jinan 青岛:qingdao 淄博:zibo 枣庄:zaozhuang 东营:dongying 烟台:yantai 潍坊:weifang "
     "济宁:jining 泰安:taian 威海:weihai 日照:rizhao 临沂:linyi 德州:dezhou 聊城:liaocheng "
     "滨州:binzhou 菏泽:heze"),
    ("ha", "河南省", "河南", "Henan", "province", "豫",
     "郑州:zhengzhou 开封:kaifeng 洛阳:luoyang 平顶山:pingdingshan 安阳:anyang 鹤壁:hebi "
     "新乡:xinxiang 焦作:jiaozuo 濮阳:puyang 许昌:xuchang 漯河:luohe 三门峡:sanmenxia 南阳:nanyang "
     "商丘:shangqiu 信阳:xinyang 周口:zhoukou 驻马店:zhumadian"),
    ("hb", "湖北省", "湖北", "Hubei", "province", "鄂",
     "武汉:wuhan 黄石:huangshi 十堰:shiyan 宜昌:yichang 襄阳:xiangyang 鄂州:ezhou 荆门:jingmen "
     "孝感:xiaogan 荆州:jingzhou 黄冈:huanggang 咸宁:xianning 随州:suizhou "
     "恩施土家族苗族自治州=恩施:enshi"),
    ("hn", "湖南省", "湖南", "Hunan", "province", "湘",
     "长沙:changsha 株洲:zhuzhou 湘潭:xiangtan 衡阳:hengyang 邵阳:shaoyang 岳阳:yueyang 常德:changde "
     "张家界:zhangjiajie 益阳:yiyang 郴州:chenzhou 永州:yongzhou 怀化:huaihua 娄底:loudi "
     "湘西土家族苗族自治州=湘西:xiangxi"),
    ("gd", "广东省", "广东", "Guangdong", "province", "粤",
     "广州:guangzhou 韶关:shaoguan 深圳:shenzhen 珠海:zhuhai 汕头:shantou 佛山:foshan 江门:jiangmen "
     "湛江:zhanjiang 茂名:maoming 肇庆:zhaoqing 惠州:huizhou 梅州:meizhou 汕尾:shanwei 河源:heyuan "
     "阳江:yangjiang 清远:qingyuan 东莞:dongguan 中山:zhongshan 潮州:chaozhou 揭阳:jieyang 云浮:yunfu"),
    ("gx", "广西壮族自治区", "广西", "Guangxi Zhuang", "region", "桂",
     "南宁:nanning 柳州:liuzhou 桂林:guilin 梧州:wuzhou 北海:beihai 防城港:fangchenggang 钦州:qinzhou "
     "贵港:guigang 玉林:yulin 百色:baise 贺州:hezhou 河池:hechi 来宾:laibin 崇左:chongzuo"),
    ("hi", "海南省", "海南", "Hainan", "province", "琼", "海口:haikou 三亚:sanya 三沙:sansha 儋州:danzhou"),
    ("cq", "重庆市", "重庆", "Chongqing", "municipality", "渝", ""),
    ("sc", "四川省", "四川", "Sichuan", "province", "川",
     "成都:chengdu 自贡:zigong 攀枝花:panzhihua 泸州:luzhou 德阳:deyang 绵阳:mianyang 广元:guangyuan "
     "遂宁:suining 内江:neijiang 乐山:leshan 南充:nanchong 眉山:meishan 宜宾:yibin 广安:guangan "
     "达州:dazhou 雅安:yaan 巴中:bazhong 资阳:ziyang 阿坝藏族羌族自治州=阿坝:aba "
     "甘孜藏族自治州=甘孜:ganzi 凉山彝族自治州=凉山:liangshan"),
    ("gz", "贵州省", "贵州", "Guizhou", "province", "黔",
     "贵阳:guiyang 六盘水:liupanshui 遵义:zunyi 安顺:anshun 毕节:bijie 铜仁:tongren "
     "黔西南布依族苗族自治州=黔西南:qianxinan 黔东南苗族侗族自治州=黔东南:qiandongnan "
     "黔南布依族苗族自治州=黔南:qiannan"),
    ("yn", "云南省", "云南", "Yunnan", "province", "滇",
     "昆明:kunming 曲靖:qujing 玉溪:yuxi 保山:baoshan 昭通:zhaotong 丽江:lijiang 普洱:puer "
     "临沧:lincang 楚雄彝族自治州=楚雄:chuxiong 红河哈尼族彝族自治州=红河:honghe "
     "文山壮族苗族自治州=文山:wenshan 西双版纳傣族自治州=西双版纳:xishuangbanna "
     "大理白族自治州=大理:dali 德宏傣族景颇族自治州=德宏:dehong 怒江傈僳族自治州=怒江:nujiang "
     "迪庆藏族自治州=迪庆:diqing"),
    ("xz", "西藏自治区", "西藏", "Tibet", "region", "藏",
     "拉萨:lasa 日喀则:rikaze 昌都:changdu 林芝:linzhi 山南:shannan 那曲:naqu 阿里地区=阿里:ali"),
    ("sn", "陕西省", "陕西", "Shaanxi", "province", "陕",
     "西安:xian 铜川:tongchuan 宝鸡:baoji 咸阳:xianyang 渭南:weinan 延安:yanan 汉中:hanzhong "
     "榆林:yulin 安康:ankang 商洛:shangluo"),
    ("gs", "甘肃省", "甘肃", "Gansu", "province", "甘",
     "兰州:lanzhou 嘉峪关:jiayuguan 金昌:jinchang 白银:baiyin 天水:tianshui 武威:wuwei 张掖:zhangye "
     "平凉:pingliang 酒泉:jiuquan 庆阳:qingyang 定西:dingxi 陇南:longnan "
     "临夏回族自治州=临夏:linxia 甘南藏族自治州=甘南:gannan"),
    ("qh", "青海省", "青海", "Qinghai", "province", "青",
     "西宁:xining 海东:haidong 海北藏族自治州=海北:haibei 黄南藏族自治州=黄南:huangnan "
     "海南藏族自治州=海南:hainan 果洛藏族自治州=果洛:guoluo 玉树藏族自治州=玉树:yushu "
     "海西蒙古族藏族自治州=海西:haixi"),
    ("nx", "宁夏回族自治区", "宁夏", "Ningxia Hui", "region", "宁",
     "银川:yinchuan 石嘴山:shizuishan 吴忠:wuzhong 固原:guyuan 中卫:zhongwei"),
    ("xj", "新疆维吾尔自治区", "新疆", "Xinjiang Uygur", "region", "新",
     "乌鲁木齐:wulumuqi 克拉玛依:kelamayi 吐鲁番:tulufan 哈密:hami 昌吉回族自治州=昌吉:changji "
     "博尔塔拉蒙古自治州=博尔塔拉:boertala 巴音郭楞蒙古自治州=巴音郭楞:bayinguoleng "
     "阿克苏地区=阿克苏:akesu 克孜勒苏柯尔克孜自治州=克孜勒苏:kezilesu 喀什地区=喀什:kashi "
     "和田地区=和田:hetian 伊犁哈萨克自治州=伊犁:yili 塔城地区=塔城:tacheng 阿勒泰地区=阿勒泰:aletai"),
]

# How a jurisdiction of each kind refers to itself and to the tier below it.
SELF_PREFIX = {"province": "省", "region": "自治区", "municipality": "市", "city": "市",
               "prefecture": "州", "district": "地区", "league": "盟"}
WHOLE = {"province": "全省", "region": "全区", "municipality": "全市", "city": "全市",
         "prefecture": "全州", "district": "全地区", "league": "全盟"}
OURS = {"province": "我省", "region": "我区", "municipality": "我市", "city": "我市",
        "prefecture": "我州", "district": "我地区", "league": "我盟"}
ENGLISH_SUFFIX = {"province": " Province", "region": " Autonomous Region", "municipality": " Municipality",
                  "city": "", "prefecture": " Prefecture", "district": " Prefecture", "league": " League"}
COMMITTEE_EN = {"province": "Provincial", "region": "Autonomous Regional", "municipality": "Municipal",
                "city": "Municipal", "prefecture": "Prefectural", "district": "Prefectural", "league": "League"}


# Agencies ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Function:
    """One kind of body every jurisdiction has, named by the same slug word everywhere."""

    slug: str
    kind: str                         # agency-kind concept
    counterpart: str | None           # national agency slug in the registry, if any
    missing_counterpart: str | None   # the national body when it is not in the registry
    names: dict                       # style → full-name template ({name}: the jurisdiction)
    short: dict                       # style → short forms the texts print ({pre}: 省/市/…)
    english: dict                     # style → English name template ({en})
    provincial_only: bool = False


def _styles(provincial: str, municipal: str, city: str) -> dict:
    return {"provincial": provincial, "municipal": municipal, "city": city}


FUNCTIONS = [
    Function("industry-it", "government-department", "cn-miit", None,
             _styles("{name}工业和信息化厅", "{name}经济和信息化局", "{name}工业和信息化局"),
             _styles(("{pre}工业和信息化厅", "{pre}工信厅"), ("{pre}经济和信息化局", "{pre}经济信息化局"),
                     ("{pre}工业和信息化局", "{pre}工信局")),
             _styles("Department of Industry and Information Technology of {en}",
                     "{en} Municipal Bureau of Economy and Information Technology",
                     "{en} Bureau of Industry and Information Technology")),
    Function("development-reform", "government-department", "cn-ndrc", None,
             _styles("{name}发展和改革委员会", "{name}发展和改革委员会", "{name}发展和改革委员会"),
             _styles(("{pre}发展改革委", "{pre}发改委"), ("{pre}发展改革委",), ("{pre}发展改革委", "{pre}发改委")),
             _styles("Development and Reform Commission of {en}", "{en} Municipal Development and Reform Commission",
                     "{en} Development and Reform Commission")),
    Function("education", "government-department", "cn-moe", None,
             _styles("{name}教育厅", "{name}教育委员会", "{name}教育局"),
             _styles(("{pre}教育厅",), ("{pre}教委",), ("{pre}教育局",)),
             _styles("Department of Education of {en}", "{en} Municipal Education Commission",
                     "{en} Bureau of Education")),
    Function("finance", "government-department", "cn-mof", None,
             _styles("{name}财政厅", "{name}财政局", "{name}财政局"),
             _styles(("{pre}财政厅",), ("{pre}财政局",), ("{pre}财政局",)),
             _styles("Department of Finance of {en}", "{en} Municipal Finance Bureau", "{en} Bureau of Finance")),
    Function("human-resources", "government-department", "cn-mohrss", None,
             _styles("{name}人力资源和社会保障厅", "{name}人力资源和社会保障局", "{name}人力资源和社会保障局"),
             _styles(("{pre}人力资源社会保障厅", "{pre}人社厅"), ("{pre}人力资源社会保障局",),
                     ("{pre}人力资源社会保障局", "{pre}人社局")),
             _styles("Department of Human Resources and Social Security of {en}",
                     "{en} Municipal Bureau of Human Resources and Social Security",
                     "{en} Bureau of Human Resources and Social Security")),
    Function("culture-tourism", "government-department", "cn-mct", None,
             _styles("{name}文化和旅游厅", "{name}文化和旅游局", "{name}文化广电和旅游局"),
             _styles(("{pre}文化和旅游厅", "{pre}文旅厅"), ("{pre}文化旅游局",), ("{pre}文化广电旅游局", "{pre}文广旅局")),
             _styles("Department of Culture and Tourism of {en}", "{en} Municipal Bureau of Culture and Tourism",
                     "{en} Bureau of Culture, Radio, Television and Tourism")),
    Function("sasac", "government-department", "cn-sasac", None,
             _styles("{name}人民政府国有资产监督管理委员会", "{name}人民政府国有资产监督管理委员会",
                     "{government}国有资产监督管理委员会"),
             _styles(("{pre}国资委",), ("{pre}国资委",), ("{pre}国资委",)),
             _styles("State-owned Assets Supervision and Administration Commission of the People's Government of {en}",
                     "State-owned Assets Supervision and Administration Commission of the {en} Municipal Government",
                     "State-owned Assets Supervision and Administration Commission of {en}")),
    Function("cultural-heritage", "government-department", "cn-ncha", None,
             _styles("{name}文物局", "{name}文物局", ""),
             _styles(("{pre}文物局",), ("{pre}文物局",), ()),
             _styles("Cultural Heritage Administration of {en}", "{en} Municipal Administration of Cultural Heritage", ""),
             provincial_only=True),
    Function("market-regulation", "government-department", None,
             "国家市场监督管理总局 (State Administration for Market Regulation)",
             _styles("{name}市场监督管理局", "{name}市场监督管理局", "{name}市场监督管理局"),
             _styles(("{pre}市场监管局",), ("{pre}市场监管局",), ("{pre}市场监管局",)),
             _styles("Administration for Market Regulation of {en}", "{en} Municipal Administration for Market Regulation",
                     "{en} Administration for Market Regulation")),
    Function("housing-construction", "government-department", None,
             "住房和城乡建设部 (Ministry of Housing and Urban-Rural Development)",
             _styles("{name}住房和城乡建设厅", "{name}住房和城乡建设委员会", "{name}住房和城乡建设局"),
             _styles(("{pre}住房城乡建设厅", "{pre}住建厅"), ("{pre}住房城乡建设委",), ("{pre}住房城乡建设局", "{pre}住建局")),
             _styles("Department of Housing and Urban-Rural Development of {en}",
                     "{en} Municipal Commission of Housing and Urban-Rural Development",
                     "{en} Bureau of Housing and Urban-Rural Development")),
    Function("natural-resources", "government-department", None, "自然资源部 (Ministry of Natural Resources)",
             _styles("{name}自然资源厅", "{name}规划和自然资源委员会", "{name}自然资源和规划局"),
             _styles(("{pre}自然资源厅",), ("{pre}规划自然资源委",), ("{pre}自然资源和规划局", "{pre}自然资源局")),
             _styles("Department of Natural Resources of {en}", "{en} Municipal Commission of Planning and Natural Resources",
                     "{en} Bureau of Natural Resources and Planning")),
    Function("commerce", "government-department", None, "商务部 (Ministry of Commerce)",
             _styles("{name}商务厅", "{name}商务委员会", "{name}商务局"),
             _styles(("{pre}商务厅",), ("{pre}商务委",), ("{pre}商务局",)),
             _styles("Department of Commerce of {en}", "{en} Municipal Commission of Commerce", "{en} Bureau of Commerce")),
    Function("trade-unions", "peoples-organisation", None, "中华全国总工会 (All-China Federation of Trade Unions)",
             _styles("{name}总工会", "{name}总工会", "{name}总工会"),
             _styles(("{pre}总工会",), ("{pre}总工会",), ("{pre}总工会",)),
             _styles("{en_short} Federation of Trade Unions", "{en_short} Municipal Federation of Trade Unions",
                     "{en} Federation of Trade Unions")),
    Function("publicity-department", "party-organ", None,
             "中共中央宣传部 (Publicity Department of the CPC Central Committee)",
             _styles("中共{committee}宣传部", "中共{committee}宣传部", "中共{committee}宣传部"),
             _styles(("{party}宣传部",), ("{party}宣传部",), ("{party}宣传部",)),
             _styles("Publicity Department of the CPC {committee_en} Committee",
                     "Publicity Department of the CPC {committee_en} Committee",
                     "Publicity Department of the CPC {committee_en} Committee")),
]
FUNCTION = {f.slug: f for f in FUNCTIONS}

# How the texts abbreviate a jurisdiction's party committee (省委, 自治区党委, 州委 …).
PARTY_SHORT = {"province": "省委", "region": "自治区党委", "municipality": "市委", "city": "市委",
               "prefecture": "州委", "district": "地委", "league": "盟委"}


@dataclass(frozen=True)
class GenericKind:
    """A set of bodies the texts name without naming one body (相关部门, 各设区市人民政府 …)."""

    slugs: dict             # tier (provincial, municipal, city) → slug word
    label: str              # as printed; {subunits} is the tier below (各设区市, 各区, 各县（市、区）)
    english: str
    level: str              # "same": the jurisdiction's own level; "below": the tier below it
    kind: str | None        # agency-kind concept
    definition_zh: str
    definition_en: str
    within_industry_it: bool = False   # among the national plan's 各地工业和信息化主管部门


def _every_tier(slug: str) -> dict:
    return {"provincial": slug, "municipal": slug, "city": slug}


GENERIC_KINDS = {
    "relevant-departments": GenericKind(
        _every_tier("relevant-departments"), "相关部门", "relevant departments", "same", "government-department",
        "{place}与某项任务有关、未具体点名的部门，并非某一具体机构。",
        "The departments of {place_en} concerned with a task, other than those the clause names; not a specific body."),
    "relevant-industry-associations": GenericKind(
        _every_tier("relevant-industry-associations"), "相关行业协会", "relevant industry associations", "same",
        "association", "{place}与某项任务有关的行业协会，并非某一具体机构。",
        "The industry associations in {place_en} concerned with a task; not a specific body."),
    "subunit-governments": GenericKind(
        {"provincial": "prefecture-governments", "municipal": "district-governments", "city": "county-governments"},
        "{subunits}人民政府", "people's governments of the divisions under {place_en}", "below", "government",
        "{place}下辖各行政区的人民政府，并非某一具体机构。",
        "The people's government of each division under {place_en}; not a specific body."),
    "subunit-industry-it-authorities": GenericKind(
        {"provincial": "prefecture-industry-it-authorities", "municipal": "district-industry-it-authorities",
         "city": "county-industry-it-authorities"},
        "{subunits}工业和信息化主管部门", "industry and information technology authorities of the divisions under {place_en}",
        "below", "government-department", "{place}下辖各行政区主管工业和信息化工作的部门，并非某一具体机构。",
        "The authority in charge of industry and information technology in each division under {place_en}; "
        "not a specific body.",
        within_industry_it=True),
}


def subunits(jurisdiction: "Jurisdiction") -> str:
    """How a jurisdiction's plans name the tier below it: 各设区市, 各市（州）, 各区, 各县（市、区）."""
    if jurisdiction.kind == "municipality":
        return "各区"
    if not jurisdiction.is_provincial:
        return "各县（市、区）"
    if jurisdiction.kind == "region":
        return "各市（地、州、盟）"
    return "各设区市" if all(city.kind == "city" for city in jurisdiction.cities) else "各市（州）"


# Topics: what a numbered item is about ---------------------------------------------------

@dataclass(frozen=True)
class TargetTemplate:
    """A number a plan commits to: `phrase` holds {n}, the number with unit and qualifier."""

    subject: str
    unit: str
    counts: str | None
    kind: str
    quantities: tuple
    qualifiers: tuple
    phrase: str
    per: str | None = None
    level: str = "any"        # "provincial", "city" or "any"
    what: str | None = None   # the target's slug word where it counts no carrier type

    @property
    def slug(self) -> str:
        return self.what or self.counts


@dataclass(frozen=True)
class Topic:
    """One subject of numbered items, tied to the national task it carries out."""

    slug: str
    national: str                 # the item of cn-2021-plan it aligns with
    titles: tuple                 # (Chinese, English) pairs
    sentences: tuple              # (Chinese, carrier types, level "any"/"provincial"/"city")
    themes: tuple
    instruments: tuple
    leads: tuple                  # function slugs whose national counterpart leads the national task
    participants: tuple
    targets: tuple = ()
    programme: tuple | None = None   # (slug word, 专栏 / 工程 title, English) when a plan groups items on it
    carriers: tuple = ()          # (slug word, name template, carrier type, English template) a text may name
    extra_alignment: str | None = None   # a second national item without a lead, for some items


def _s(text: str, *carrier_types: str, level: str = "any") -> tuple:
    return (text, carrier_types, level)


KEY_TOPICS = [
    Topic(
        "spirit", "4",
        (("弘扬新时代工业精神", "Carry forward the industrial spirit of the new era"),
         ("深入挖掘工业文化内涵", "Explore the meaning of industrial culture in depth"),
         ("大力弘扬企业家精神和工匠精神", "Promote the entrepreneurial spirit and the craftsman spirit"),
         ("讲好{short}工业故事", "Tell the story of {en}'s industry well"),
         ("培育优秀企业文化", "Foster outstanding corporate culture"),
         ("选树工业文化典型人物", "Select and honour exemplary figures of industrial culture"),
         ("传承红色工业基因", "Carry on the red gene of industry"),
         ("阐释工业文化时代价值", "Interpret the contemporary value of industrial culture")),
        (_s("系统梳理{short}工业发展历程，深入挖掘新中国成立以来特别是改革开放以来工业发展中蕴含的精神财富"),
         _s("大力弘扬企业家精神、工匠精神、劳模精神，营造尊重劳动、崇尚创造的良好氛围"),
         _s("引导企业将创新精神、诚信精神融入生产经营全过程"),
         _s("持续开展“{short}工匠”遴选推荐活动，宣传一批大国工匠、技术能手和优秀企业家"),
         _s("支持高校、科研院所开展工业文化基础理论研究，丰富和完善工业文化理论体系"),
         _s("组织编写{short}工业发展史和重点行业口述史，抢救性记录工业发展重要史料"),
         _s("推动企业加强企业文化建设，培育一批具有示范引领作用的企业文化标杆"),
         _s("挖掘国有企业红色基因，讲好国有企业改革发展故事"),
         _s("建设工业文化研究中心，打造工业文化高端智库", "research-centre"),
         _s("以社会主义核心价值观为引领，弘扬中国工业精神，为制造业高质量发展提供精神动力"),
         _s("开展劳动精神宣传教育，鼓励广大职工立足岗位建功立业")),
        ("spirit", "research"), ("strategic-measures", "promotion", "demonstration-pilots"),
        ("industry-it",), ("development-reform", "education", "human-resources", "culture-tourism", "sasac",
                           "trade-unions", "publicity-department"),
        carriers=(("industrial-culture-research-centre", "{short}工业文化研究中心", "research-centre",
                   "{en} Industrial Culture Research Centre"),),
    ),
    Topic(
        "design", "5",
        (("提升工业设计创新能力", "Raise the capacity for industrial design innovation"),
         ("加强质量品牌建设", "Strengthen quality and brand building"),
         ("推动文化与产业融合发展", "Promote the integration of culture and industry"),
         ("培育工业设计载体", "Develop industrial design carriers"),
         ("打造{short}制造品牌", "Build the {en} manufacturing brand"),
         ("实施“文化+产品”行动", "Carry out the culture-plus-products campaign"),
         ("办好工业设计大赛", "Run the industrial design competitions well"),
         ("加强企业品牌文化建设", "Strengthen enterprises' brand culture")),
        (_s("支持制造业企业建设工业设计中心，积极争创国家级工业设计中心", "industrial-design-centre",
            "national-industrial-design-centre"),
         _s("推动工业设计与制造业深度融合，提升产品附加值和品牌影响力", "industrial-design-carrier"),
         _s("深入实施质量提升行动，推广先进质量管理方法，推动工业产品质量迈向中高端"),
         _s("积极参与中国品牌日活动，培育一批具有文化内涵的工业品牌", "industrial-brand"),
         _s("引导企业挖掘产品文化内涵，实施文化+产品系列行动", "industrial-brand"),
         _s("举办{short}工业设计大赛，搭建设计成果转化和交流合作平台", "public-service-platform"),
         _s("支持行业协会开展工业文化赋能产业发展专项活动"),
         _s("加强企业文化建设，引导企业将工业文化融入创新管理各环节"),
         _s("推动工业设计研究院建设，完善基础研究、技术支撑、成果转化等功能", "industrial-design-institute"),
         _s("加快培育工业设计人才，推动高校加强工业设计相关学科专业建设")),
        ("design", "brand-quality", "integration"), ("demonstration-pilots", "strategic-measures", "public-services"),
        ("industry-it",), ("development-reform", "culture-tourism", "market-regulation", "sasac", "commerce", "education"),
        targets=(
            TargetTemplate("省级工业设计中心", "家", "provincial-industrial-design-centre", "new-additions",
                           (20, 30, 50, 100), ("at-least", "about"), "新增培育{n}省级工业设计中心", level="provincial"),
            TargetTemplate("市级工业设计中心", "家", "industrial-design-centre", "new-additions",
                           (5, 10, 15, 20), ("at-least", "exactly"), "培育{n}市级工业设计中心", level="city"),
            TargetTemplate("国家级工业设计中心", "家", "national-industrial-design-centre", "new-additions",
                           (2, 3, 5, 10), ("at-least", "about"), "争创{n}国家级工业设计中心"),
        ),
        programme=("design", "工业设计载体创建工程", "Industrial design carrier creation project"),
        carriers=(("industrial-design-research-institute", "{short}工业设计研究院", "industrial-design-institute",
                   "{en} Industrial Design Research Institute"),),
        extra_alignment="11",
    ),
    Topic(
        "crafts", "5",
        (("推动工艺美术保护传承", "Protect and pass on arts and crafts"),
         ("振兴传统工艺", "Revitalise traditional crafts"),
         ("培育工艺美术特色区域", "Develop distinctive arts-and-crafts areas"),
         ("加强工艺美术人才培养", "Train arts-and-crafts talent"),
         ("推动工艺美术创新发展", "Promote innovation in arts and crafts"),
         ("弘扬{short}传统工艺文化", "Promote {en}'s traditional craft culture")),
        (_s("加强传统工艺美术品种和技艺保护，建立工艺美术珍品名录", "arts-and-crafts", "arts-and-crafts-masterpiece",
            "register"),
         _s("支持工艺美术大师设立大师工作室，开展传帮带活动", "master-studio"),
         _s("鼓励工艺美术企业开发具备地方特色、适应现代生活的文创产品", "arts-and-crafts"),
         _s("推动非遗工坊建设，带动传统工艺就业增收", "intangible-heritage-workshop"),
         _s("培育一批工艺美术特色区域和产业集群", "arts-and-crafts-region"),
         _s("组织开展工艺美术技艺竞赛，弘扬精益求精的工匠精神"),
         _s("加强工艺美术产业宣传推介，推动工艺美术与旅游、设计等产业融合发展"),
         _s("支持工艺美术行业组织开展标准制定、品牌推广等工作")),
        ("crafts", "integration"), ("technical-support", "promotion", "regulation"),
        ("industry-it",), ("human-resources", "culture-tourism", "commerce", "market-regulation"),
        targets=(
            TargetTemplate("工艺美术特色区域", "个", "arts-and-crafts-region", "output", (5, 10, 15, 20),
                           ("exactly", "about"), "培育{n}工艺美术特色区域"),
            TargetTemplate("大师工作室", "个", "master-studio", "new-additions", (10, 20, 30),
                           ("at-least", "exactly"), "新建{n}大师工作室"),
        ),
        programme=("crafts", "工艺美术振兴工程", "Arts and crafts revitalisation project"),
    ),
    Topic(
        "tourism", "6",
        (("推动工业旅游创新发展", "Promote the innovative development of industrial tourism"),
         ("培育工业旅游示范基地", "Develop industrial tourism demonstration bases"),
         ("打造工业旅游精品线路", "Build quality industrial tourism routes"),
         ("提升工业旅游服务品质", "Raise the quality of industrial tourism services"),
         ("开发工业旅游创意产品", "Develop creative industrial tourism products"),
         ("建设工业旅游目的地", "Build industrial tourism destinations"),
         ("丰富工业旅游业态", "Diversify industrial tourism")),
        (_s("支持企业依托工业遗产、老旧厂房和现代工厂开发工业旅游项目", "industrial-tourism-project",
            "industrial-heritage", "old-factory", "modern-factory"),
         _s("创建一批工业旅游示范基地，推出一批工业旅游精品线路", "industrial-tourism-demonstration-base",
            "industrial-tourism-route"),
         _s("建立健全工业旅游服务标准和规范，提升接待服务能力", "industrial-tourism"),
         _s("打造沉浸式工业文化体验项目，拓展文化消费新空间", "industrial-tourism-project",
            "cultural-consumption-venue"),
         _s("推动工业旅游与研学、会展、康养等业态融合发展", "industrial-tourism"),
         _s("支持文旅装备协同创新发展，培育工业旅游新业态", "industrial-tourism"),
         _s("将工业旅游纳入全域旅游规划，串联特色工业资源形成旅游线路", "industrial-tourism-route"),
         _s("加强工业旅游宣传推广，打造{short}工业旅游品牌", "industrial-tourism"),
         _s("建立工业旅游资源库，遴选一批工业旅游入库资源", "industrial-tourism-resource", "resource-database"),
         _s("鼓励现代工厂开放生产车间，开展工业旅游参观体验活动", "modern-factory", "industrial-tourism")),
        ("tourism", "new-formats"), ("demonstration-pilots", "standards", "promotion"),
        ("culture-tourism", "industry-it"), ("development-reform", "cultural-heritage", "sasac", "commerce",
                                             "housing-construction"),
        targets=(
            TargetTemplate("工业旅游示范基地", "个", "industrial-tourism-demonstration-base", "new-additions",
                           (5, 10, 15, 20), ("at-least", "about"), "创建{n}工业旅游示范基地"),
            TargetTemplate("工业旅游精品线路", "条", "industrial-tourism-route", "cumulative-total", (10, 20, 30, 50),
                           ("about", "exactly"), "工业旅游精品线路达到{n}"),
        ),
        programme=("tourism", "工业旅游示范打造工程", "Industrial tourism demonstration project"),
    ),
    Topic(
        "education", "7",
        (("开展工业文化教育实践", "Carry out industrial-culture education and practice"),
         ("建设工业文化研学实践基地", "Build industrial-culture study bases"),
         ("推进工业文化进校园", "Bring industrial culture into schools"),
         ("培育工业文化教育实践载体", "Develop carriers of industrial-culture education"),
         ("加强工业科普教育", "Strengthen industrial science education"),
         ("创新工业文化研学课程", "Create new industrial-culture study courses"),
         ("推动产教融合协同育人", "Train talent through industry-education integration")),
        (_s("利用工业遗产、老旧厂房等设施培育一批工业文化研学实践基地（营地）", "industrial-study-base",
            "industrial-heritage", "old-factory"),
         _s("创新工业文化研学课程设计，开展工业科普教育", "science-experience-carrier"),
         _s("支持普通高校和职业院校开设工业文化相关课程，推动工业文化学科体系建设"),
         _s("鼓励大国工匠、工程师、企业家进校园、进讲堂，传承弘扬优秀工业文化"),
         _s("培育一批工业实训基地和爱国主义教育基地", "industrial-training-base", "patriotic-education-base"),
         _s("组织中小学生开展工业考察探究、职业体验等实践活动"),
         _s("建设一批青少年工业文化教育示范基地", "youth-education-demonstration-base"),
         _s("推动建设工匠学院，完善技能人才培养体系", "craftsman-academy"),
         _s("推动高校“大思政课”实践教学基地建设，将工业文化融入思想政治教育", "civics-practice-base")),
        ("education", "talent"), ("infrastructure", "talent-training"),
        ("industry-it", "education"), ("culture-tourism", "sasac", "human-resources", "trade-unions"),
        targets=(
            TargetTemplate("工业文化研学实践基地", "个", "industrial-study-base", "output", (10, 20, 30, 50),
                           ("at-least", "exactly"), "建设{n}工业文化研学实践基地"),
        ),
        programme=("education", "工业文化研学实践工程", "Industrial-culture study and practice project"),
    ),
    Topic(
        "heritage", "8",
        (("提高工业遗产保护利用水平", "Raise the level of industrial heritage protection and use"),
         ("构建工业遗产分级保护体系", "Build a graded protection system for industrial heritage"),
         ("开展工业遗产调查认定", "Survey and designate industrial heritage"),
         ("推动工业遗产活化利用", "Promote the adaptive reuse of industrial heritage"),
         ("加强工业遗产保护统筹规划", "Strengthen overall planning for industrial heritage protection"),
         ("建设工业遗址公园", "Build industrial heritage parks"),
         ("推动老工业城市更新改造", "Promote the renewal of old industrial cities"),
         ("建立工业遗产保护利用项目库", "Build a project database for industrial heritage protection and use")),
        (_s("开展工业遗产资源调查，摸清{whole}工业遗存底数", "industrial-heritage", "industrial-site"),
         _s("积极推荐申报国家工业遗产，开展省级工业遗产认定，形成分级保护利用体系",
            "national-industrial-heritage", "provincial-industrial-heritage", level="provincial"),
         _s("积极推荐申报国家和省级工业遗产，开展市级工业遗产认定", "national-industrial-heritage",
            "provincial-industrial-heritage", "municipal-industrial-heritage", level="city"),
         _s("研究制定工业遗产保护利用管理办法，规范保护利用权责", "industrial-heritage"),
         _s("推动符合条件的工业遗产纳入文物保护体系", "industrial-heritage"),
         _s("利用工业遗产和老旧厂房建设工业遗址公园、工业文化产业园区和特色街区", "industrial-heritage-park",
            "industrial-culture-park", "industrial-culture-street", "old-factory"),
         _s("将工业遗产保护利用纳入国土空间规划和城市更新改造政策支持范围", "industrial-heritage"),
         _s("建立工业遗产保护利用项目库，实行动态管理", "project-database"),
         _s("推动工业遗产与文化创意、旅游休闲等产业融合，不断提高活化利用水平", "industrial-heritage"),
         _s("建立工业遗产保护与修复的技术规范和效果评价标准", "industrial-heritage"),
         _s("鼓励社会资本参与工业遗产保护利用项目", "industrial-heritage-project")),
        ("heritage", "policy-and-standards", "resources"), ("regulation", "information-support", "infrastructure"),
        ("industry-it", "cultural-heritage", "development-reform"),
        ("natural-resources", "housing-construction", "culture-tourism", "finance", "sasac"),
        targets=(
            TargetTemplate("省级工业遗产", "个", "provincial-industrial-heritage", "new-additions", (10, 15, 20, 30, 50),
                           ("at-least", "about"), "新增认定省级工业遗产{n}", level="provincial"),
            TargetTemplate("市级工业遗产", "个", "municipal-industrial-heritage", "new-additions", (5, 10, 15, 20),
                           ("at-least", "exactly"), "认定市级工业遗产{n}", level="city"),
            TargetTemplate("工业遗产保护利用重点项目", "个", "industrial-heritage-project", "output", (10, 20, 30, 50),
                           ("at-least", "about", "exactly"), "培育{n}工业遗产保护利用重点项目"),
        ),
        programme=("heritage", "工业遗产保护利用工程", "Industrial heritage protection and use project"),
        carriers=(("industrial-heritage-park", "{short}工业遗址公园", "industrial-heritage-park",
                   "{en} Industrial Heritage Park"),
                  ("industrial-culture-park", "{short}工业文化创意产业园", "industrial-culture-park",
                   "{en} Industrial Culture Creative Park")),
    ),
    Topic(
        "museums", "9",
        (("完善工业博物馆体系", "Improve the system of industrial museums"),
         ("推动建设综合性工业博物馆", "Promote comprehensive industrial museums"),
         ("支持企业建设博物馆", "Support enterprises in building museums"),
         ("推进工业博物馆数字化", "Digitise industrial museums"),
         ("培育行业博物馆", "Develop industry museums"),
         ("提升工业博物馆展陈水平", "Raise the standard of industrial museum exhibitions"),
         ("发挥工业博物馆教育功能", "Use industrial museums for education")),
        (_s("支持有条件的地方建设城市工业博物馆，展示地区工业发展脉络", "city-industrial-museum"),
         _s("鼓励企业利用老旧厂房、设备建设企业博物馆", "enterprise-museum", "old-factory"),
         _s("推动重点行业建设行业博物馆，完善分行业分区域的工业博物馆体系", "industry-museum", "industrial-museum"),
         _s("推进工业博物馆藏品数字化，探索建设数字工业博物馆", "digital-industrial-museum"),
         _s("鼓励工业博物馆参加博物馆评估定级，提升展陈和服务水平", "industrial-museum"),
         _s("建立工业博物馆名录，加强工业文物征集和保护", "register", "industrial-museum"),
         _s("支持建设工业档案馆和工业历史名人纪念馆", "industrial-archive", "memorial-hall"),
         _s("推动工业博物馆向社会公众开放，开展工业文化科普活动", "industrial-museum"),
         _s("支持建设工业博览展示空间，集中展示行业发展成就", "industrial-exhibition-space")),
        ("museums", "digital"), ("infrastructure", "technical-support", "demonstration-pilots"),
        ("industry-it", "cultural-heritage"), ("culture-tourism", "development-reform", "sasac", "education"),
        targets=(
            TargetTemplate("工业博物馆", "家", "industrial-museum", "output", (10, 20, 30, 50, 80),
                           ("about", "at-least"), "培育建设{n}工业博物馆"),
            TargetTemplate("企业博物馆", "家", "enterprise-museum", "new-additions", (5, 10, 20),
                           ("at-least", "exactly"), "新建{n}企业博物馆"),
        ),
        programme=("museums", "工业博物馆培育工程", "Industrial museum development project"),
        carriers=(("industrial-museum", "{short}工业博物馆", "industrial-museum", "{en} Industrial Museum"),
                  ("digital-industrial-museum", "{short}数字工业博物馆", "digital-industrial-museum",
                   "{en} Digital Industrial Museum")),
        extra_alignment="11",
    ),
    Topic(
        "communication", "10",
        (("加大工业文化传播力度", "Step up the communication of industrial culture"),
         ("加强工业文化对外交流", "Strengthen international exchange on industrial culture"),
         ("创作工业题材文艺作品", "Create literary and artistic works on industrial themes"),
         ("办好工业文化主题活动", "Run industrial-culture events well"),
         ("拓展工业文化传播渠道", "Widen the channels for communicating industrial culture"),
         ("塑造{short}工业形象", "Shape the industrial image of {en}")),
        (_s("充分利用报刊、电视、网络等媒介，多渠道宣传工业文化"),
         _s("鼓励创作工业题材的影视、文学、美术作品，讲好工业发展故事"),
         _s("举办工业文化节、工业文化论坛等主题活动"),
         _s("依托重点展会平台宣传推介优质工业产品和工业文化"),
         _s("加强与国内外工业文化机构交流合作，推动工业文化走出去"),
         _s("支持建设影视拍摄基地，推出一批工业题材精品力作", "film-base"),
         _s("鼓励新媒体参与工业文化展示宣传，弘扬中国工业精神"),
         _s("加强工业文化宣传阵地建设，营造全社会关注工业文化的良好氛围")),
        ("communication", "international", "spirit"), ("promotion", "overseas-institutions"),
        ("industry-it",), ("publicity-department", "culture-tourism", "commerce", "trade-unions", "sasac"),
    ),
    Topic(
        "system", "11",
        (("健全工业文化发展体系", "Strengthen the system for developing industrial culture"),
         ("建设工业文化资源库", "Build an industrial-culture resource database"),
         ("培育工业文化新业态新模式", "Foster new formats and models of industrial culture"),
         ("推进工业文化数字化", "Digitise industrial culture"),
         ("完善工业文化标准体系", "Improve the standards for industrial culture"),
         ("发展工业文化产业", "Develop the industrial-culture industry")),
        (_s("开展工业文化资源调查，建立多品类工业文化基础资源库", "resource-database"),
         _s("推动工业文化资源数字化采集、存储和开放共享", "resource-database"),
         _s("培育工业文化创意、数字文化等新业态新模式"),
         _s("建设工业文化产业园区和特色小镇，集聚工业文化企业", "industrial-culture-park", "industrial-culture-town"),
         _s("研究制定工业文化相关标准和评价体系"),
         _s("建立工业文化专家库和企业数据库", "expert-database", "enterprise-database"),
         _s("搭建工业文化公共服务平台，提供咨询、培训、推广等服务", "public-service-platform"),
         _s("支持成立工业文化发展联盟，促进资源共享和协同发展", "industry-alliance")),
        ("policy-and-standards", "resources", "digital", "new-formats"),
        ("goal-planning", "standards", "technical-support", "information-support"),
        ("industry-it",), ("education", "culture-tourism", "sasac", "cultural-heritage", "development-reform"),
        carriers=(("industrial-culture-resource-database", "{short}工业文化资源库", "resource-database",
                   "{en} Industrial Culture Resource Database"),
                  ("industrial-culture-alliance", "{short}工业文化发展联盟", "industry-alliance",
                   "{en} Industrial Culture Development Alliance")),
    ),
]

SAFEGUARD_TOPICS = [
    Topic(
        "funding", "12",
        (("加大资金支持", "Increase financial support"),
         ("拓宽资金支持渠道", "Widen the channels of financial support"),
         ("强化财政金融支持", "Strengthen fiscal and financial support")),
        (_s("统筹利用现有专项资金，支持工业文化重点项目建设"),
         _s("鼓励社会资本设立工业文化产业发展基金"),
         _s("引导金融机构创新金融产品，加大对工业文化企业的信贷支持"),
         _s("对新认定的工业遗产、工业旅游示范基地等按规定给予支持", "industrial-heritage",
            "industrial-tourism-demonstration-base")),
        ("funding",), ("funding-input", "financial-support"),
        ("finance",), ("industry-it", "development-reform", "culture-tourism"),
        targets=(
            TargetTemplate("单个项目支持资金", "万元", None, "funding-cap", (50, 100, 200, 300), ("at-most",),
                           "单个项目支持资金{n}", per="项目", what="project-funding-cap"),
            TargetTemplate("工业文化产业发展基金规模", "亿元", None, "output", ("1.5", "2.5", 5, 10), ("about", "exactly"),
                           "设立规模{n}的工业文化产业发展基金", what="industry-fund"),
        ),
    ),
    Topic(
        "talent", "13",
        (("加强人才培养", "Strengthen talent development"),
         ("健全人才保障体系", "Strengthen the system for securing talent"),
         ("培育工业文化专业人才", "Train industrial-culture specialists")),
        (_s("完善工业文化人才培养体系，培育一批复合型专业人才"),
         _s("举办工业文化专题培训，提升从业人员能力水平"),
         _s("支持高校与企业共建人才培养基地", "industrial-training-base"),
         _s("组织开展职业技能竞赛，畅通技能人才成长通道")),
        ("talent", "research"), ("talent-training",),
        ("human-resources",), ("education", "industry-it", "trade-unions"),
        targets=(
            TargetTemplate("优秀工业文化案例", "个", None, "recurring-quota", (10, 20), ("exactly",),
                           "每年遴选{n}优秀工业文化案例", per="每年", what="annual-cases"),
        ),
    ),
    Topic(
        "intermediaries", "14",
        (("发挥行业组织作用", "Make use of industry organisations"),
         ("建立支撑服务体系", "Build a support service system")),
        (_s("支持行业协会、产业联盟等组织开展工业文化相关活动", "industry-alliance"),
         _s("鼓励专业机构提供咨询评估、人才培训等服务"),
         _s("探索推动成立工业旅游行业协会")),
        ("support-services",), ("public-services", "service-outsourcing"),
        ("industry-it",), ("culture-tourism", "market-regulation"),
    ),
    Topic(
        "coordination", "15",
        (("加强统筹协调", "Strengthen overall coordination"),
         ("完善工作机制", "Improve working mechanisms"),
         ("加强组织领导", "Strengthen leadership")),
        (_s("建立工业文化发展部门协调机制，研究解决重大问题"),
         _s("各有关部门要加强协同配合，形成工作合力"),
         _s("分阶段梳理汇总工作推进情况，跟踪推动工作落实")),
        ("coordination",), ("strategic-measures",),
        ("industry-it",), ("development-reform", "education", "finance", "human-resources", "culture-tourism",
                           "sasac", "market-regulation", "trade-unions"),
    ),
    Topic(
        "implementation", "16",
        (("抓好细化落实", "Work out details and ensure implementation"),
         ("加强监测评估", "Strengthen monitoring and evaluation"),
         ("营造良好氛围", "Create a favourable environment")),
        (_s("结合实际制定具体实施方案，明确目标任务和责任分工"),
         _s("建立工作台账，定期开展实施情况评估"),
         _s("及时总结推广典型经验做法，营造良好发展氛围")),
        ("coordination", "resources"), ("strategic-measures", "information-support"),
        ("industry-it",), ("development-reform", "culture-tourism"),
    ),
]

# The sections of 二、重点任务 in an implementation plan: title, English, topic slugs.
SUBSECTIONS = [
    ("弘扬工业精神，夯实工业文化发展基础", "Carry forward the industrial spirit and lay the foundations of industrial culture",
     ("spirit", "system")),
    ("推动工业文化赋能产业发展", "Let industrial culture empower industrial development", ("design", "crafts")),
    ("发展工业旅游和工业文化教育", "Develop industrial tourism and industrial-culture education", ("tourism", "education")),
    ("加强工业遗产保护利用", "Strengthen the protection and use of industrial heritage", ("heritage",)),
    ("完善工业博物馆体系", "Improve the system of industrial museums", ("museums",)),
    ("加大工业文化传播交流", "Step up the communication and exchange of industrial culture", ("communication",)),
]

# 总体要求: (number, title, English, text, themes, instruments).
GENERAL_REQUIREMENTS = [
    ("（一）", "指导思想", "Guiding ideology",
     "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持以社会主义核心价值观引领文化建设，"
     "把工业文化建设作为推动制造业高质量发展的重要内容，弘扬中国工业精神，促进文化与产业融合发展，"
     "不断增强{short}工业软实力。",
     ("spirit", "integration"), ("goal-planning",)),
    ("（二）", "基本原则", "Basic principles",
     "政策引领。发挥政府在方向引导、政策支持、试点示范等方面的积极作用。\n需求导向。以满足产业发展需求为出发点和落脚点，"
     "激发工业文化活力。\n协同推进。建立健全部门协同工作机制，形成工作合力。\n融合发展。发挥工业文化赋能产业发展的作用，"
     "促进企业提质增效、产业转型升级。",
     ("coordination", "integration"), ("strategic-measures", "goal-planning")),
    ("（三）", "主要目标", "Main objectives",
     "通过{years}年努力，{whole}工业文化支撑体系基本完善，工业文化载体更加丰富，初步形成分级分类的工业遗产保护利用体系"
     "和工业博物馆体系，工业文化赋能制造业高质量发展成效明显。",
     ("heritage", "museums", "tourism", "education"), ("goal-planning",)),
]

# The 总体要求 prose of an action plan, which numbers no items.
ACTION_PLAN_GOALS = (
    "以习近平新时代中国特色社会主义思想为指导，全面落实党的二十大和二十届历次全会精神，深度挖掘{short}工业文化独特价值，"
    "一体推进工业文化的保护传承、价值发掘、载体建设和产业培育，为推进新型工业化提供强大的精神和文化支撑。\n"
    "到{end}年，构建形成具有{short}特色的工业文化发展体系，工业文化载体业态更加丰富，工业文化赋能新型工业化成效更加显著。"
)

# Words in a text that name an industrial spirit (icp:spirit is stated: only where printed).
SPIRIT_WORDS = [
    ("企业家精神", "entrepreneurship"), ("工匠精神", "craftsmanship"), ("劳模精神", "model-worker"),
    ("劳动精神", "labour"), ("创新精神", "innovation"), ("诚信精神", "integrity"),
    ("工业精神", "chinese-industrial-spirit"),
]

QUALIFIER_WORDS = {"at-least": "{q}{u}以上", "about": "{q}{u}左右", "exactly": "{q}{u}", "at-most": "不超过{q}{u}"}

# 工程 of a task-division table: (slug word, title, English, topic slugs).
TABLE_PROJECTS = [
    ("promotion", "工业文化弘扬传播工程", "Project for promoting and communicating industrial culture",
     ("spirit", "communication")),
    ("carriers", "工业文化载体建设工程", "Project for building industrial-culture carriers", ("museums", "tourism", "education")),
    ("heritage", "工业遗产保护利用工程", "Project for the protection and use of industrial heritage", ("heritage",)),
    ("integration", "文化和产业融合发展工程", "Project for the integrated development of culture and industry",
     ("design", "crafts", "system")),
    ("safeguards", "工业文化发展保障工程", "Project for safeguarding the development of industrial culture",
     ("funding", "talent", "intermediaries", "coordination", "implementation")),
]


@dataclass
class Jurisdiction:
    """A province or a prefecture-level division, with the words its plans use for it."""

    code: str                 # place slug: "ah", "ah-hefei"
    name: str                 # full name: 安徽省, 合肥市
    short: str                # 安徽, 合肥
    english: str              # Anhui, Hefei
    kind: str                 # province, region, municipality, city, prefecture, district, league
    abbreviation: str         # how its 文号 begin: 皖 for Anhui, 合肥 for Hefei
    province: "Jurisdiction | None" = None
    cities: list = field(default_factory=list)

    @property
    def is_provincial(self) -> bool:
        return self.province is None

    @property
    def style(self) -> str:
        if self.kind == "municipality":
            return "municipal"
        return "provincial" if self.is_provincial else "city"

    @property
    def english_full(self) -> str:
        return self.english + ENGLISH_SUFFIX[self.kind]


def _city_kind(full_name: str) -> str:
    for suffix, kind in (("自治州", "prefecture"), ("地区", "district"), ("盟", "league")):
        if full_name.endswith(suffix):
            return kind
    return "city"


def _cities(province: Jurisdiction, spec: str) -> list[Jurisdiction]:
    cities = []
    for entry in spec.split():
        names, slug = entry.split(":")
        full, _, short = names.partition("=")
        if not short:
            full, short = full + "市", full
        cities.append(Jurisdiction(f"{province.code}-{slug}", full, short, slug.capitalize(), _city_kind(full),
                                   short, province))
    return cities


def provinces() -> list[Jurisdiction]:
    """The 31 provincial-level divisions, each with its prefecture-level divisions."""
    found = []
    for code, name, short, english, kind, abbreviation, spec in PROVINCES:
        province = Jurisdiction(code, name, short, english, kind, abbreviation)
        province.cities = _cities(province, spec)
        found.append(province)
    return found


# The national industrial heritage register ----------------------------------------------
# What a synthetic list's rows are made of (benchmarks/generate.py, synthetic_register): the
# kinds of works the national lists designate, each with the pinyin its site slugs use, the
# word its applicant's name uses, and core items of its own, printed as the lists print them:
# buildings and structures；machinery and equipment；archives (three parts at full-width
# semicolons, which `kgtool register` reads as icp:coreBuildings, icp:coreEquipment and
# icp:coreArchives).


@dataclass(frozen=True)
class HeritageKind:
    name: str              # what the site's name ends in: 机床厂 (合肥机床厂, 合肥第二机床厂)
    slug: str              # its pinyin, in site slugs
    company: str           # the applicant's trade: 合肥机床集团有限公司
    buildings: tuple
    equipment: tuple
    archives: tuple


HERITAGE_KINDS = [
    # The first kind is the one every synthetic register has (its first site): benchmarks/scale.py
    # looks sites up by it with the heritage-site-profile query.
    HeritageKind("机床厂", "jichuangchang", "机床", ("一号厂房", "金工车间", "装配车间", "铸造车间"),
                 ("皮带车床", "龙门刨床", "摇臂钻床", "万能铣床"), ("建厂批复文件", "产品图纸", "第一台机床出厂记录")),
    HeritageKind("钢铁厂", "gangtiechang", "钢铁", ("一号高炉", "热风炉", "平炉车间", "轧钢车间"),
                 ("蒸汽鼓风机", "桥式起重机", "初轧机"), ("建厂档案", "生产日志", "劳动模范名册")),
    HeritageKind("棉纺织厂", "mianfangzhichang", "纺织", ("锯齿形厂房", "原棉仓库", "细纱车间"),
                 ("清花机", "细纱机", "自动织布机"), ("职工名册", "商标档案", "产品样本")),
    HeritageKind("火柴厂", "huochaichang", "轻工", ("排梗车间", "火柴盒车间", "成品库"),
                 ("排梗机", "糊盒机", "装盒机"), ("火花商标", "生产账册")),
    HeritageKind("酒厂", "jiuchang", "酒业", ("酿酒车间", "老窖池", "酒库", "曲房"),
                 ("蒸馏甑", "陶坛", "石磨"), ("酿造技艺记录", "老商标", "获奖证书")),
    HeritageKind("造纸厂", "zaozhichang", "纸业", ("制浆车间", "抄纸车间", "原料场"),
                 ("长网造纸机", "蒸球", "打浆机"), ("建厂档案", "产品样本")),
    HeritageKind("面粉厂", "mianfenchang", "粮油", ("制粉楼", "筒仓", "麦库"),
                 ("钢磨", "平筛", "清粉机"), ("股东名册", "商标档案")),
    HeritageKind("发电厂", "fadianchang", "电力", ("主厂房", "冷却塔", "烟囱", "升压站"),
                 ("汽轮发电机组", "锅炉", "配电盘"), ("运行日志", "建厂档案")),
    HeritageKind("水泥厂", "shuinichang", "建材", ("立窑", "原料库", "包装车间"),
                 ("球磨机", "回转窑", "颚式破碎机"), ("生产记录", "质量检验档案")),
    HeritageKind("煤矿", "meikuang", "能源", ("主井井架", "绞车房", "洗煤楼"),
                 ("提升机", "矿车", "通风机"), ("矿图", "安全生产记录")),
    HeritageKind("造船厂", "zaochuanchang", "船舶", ("船台", "船坞", "机装车间"),
                 ("龙门起重机", "卷板机"), ("船舶图纸", "下水记录")),
    HeritageKind("缫丝厂", "saosichang", "丝绸", ("缫丝车间", "茧库", "烘茧房"),
                 ("立缫机", "复摇机"), ("丝绸样本", "商标档案")),
    HeritageKind("糖厂", "tangchang", "糖业", ("压榨车间", "煮糖车间", "糖仓"),
                 ("压榨机", "真空煮糖罐"), ("生产账册", "建厂档案")),
    HeritageKind("陶瓷厂", "taocichang", "陶瓷", ("圆窑", "成型车间", "彩绘车间"),
                 ("辘轳车", "练泥机"), ("器型图谱", "釉料配方记录")),
    HeritageKind("印刷厂", "yinshuachang", "印刷", ("排字车间", "印刷车间", "钟楼"),
                 ("铅字铸字机", "凸版印刷机", "凹版印刷机"), ("印刷样张", "职工档案")),
    HeritageKind("玻璃厂", "bolichang", "玻璃", ("熔窑", "成型车间", "原料库"),
                 ("引上机", "退火窑"), ("产品样本", "工艺记录")),
    HeritageKind("化工厂", "huagongchang", "化工", ("合成车间", "水塔", "化验楼"),
                 ("反应釜", "压缩机"), ("工艺规程", "建厂档案")),
    HeritageKind("自来水厂", "zilaishuichang", "水务", ("取水泵房", "沉淀池", "清水池", "水塔"),
                 ("水泵", "蒸汽机"), ("供水记录", "建厂档案")),
    HeritageKind("机车车辆厂", "jichecheliangchang", "轨道交通", ("机车车间", "转车台", "检修库"),
                 ("蒸汽机车", "天车"), ("机车履历簿", "图纸档案")),
    HeritageKind("无线电厂", "wuxiandianchang", "电子", ("装配楼", "试验室"),
                 ("收音机装配线", "电子管测试仪"), ("产品样机", "技术档案")),
    HeritageKind("卷烟厂", "juanyanchang", "烟草", ("制丝车间", "卷包车间", "烟叶仓库"),
                 ("卷烟机", "切丝机"), ("烟标", "生产账册")),
    HeritageKind("制药厂", "zhiyaochang", "医药", ("发酵车间", "提炼车间", "办公楼"),
                 ("发酵罐", "压片机"), ("产品批件", "工艺档案")),
    HeritageKind("铜矿", "tongkuang", "有色金属", ("竖井", "选矿厂", "冶炼炉"),
                 ("卷扬机", "球磨机"), ("地质勘探报告", "矿图")),
    HeritageKind("盐场", "yanchang", "盐业", ("盐田", "卤水池", "盐仓"),
                 ("扬水风车", "晒盐工具"), ("产盐记录", "盐业契约")),
]

# Buildings any works may keep, beside its own.
HERITAGE_BUILDINGS = ("办公楼", "职工宿舍", "水塔", "烟囱", "仓库", "铁路专用线", "礼堂", "职工食堂")
# The applicant, as the lists print one: the works' company, or the body that runs the site.
HERITAGE_APPLICANTS = ("{place}{company}集团有限公司", "{place}{company}有限责任公司", "{place}{name}",
                       "{place}文化旅游投资集团有限公司")

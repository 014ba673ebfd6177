"""Places the reference does not cover: names that end a region's reach.

``长三角地区PM2.5平均浓度为46微克/立方米`` is not a figure for the region named in the sentence before;
without knowing that 长三角 is a place, the resolver would carry that region over. Each name here is a
mention of a region with no id: a figure whose subject it is gets no region (rather than a wrong one).

Only names, never figures. A region ``claims.yaml`` does know always wins over a name here (the
reference's names are matched first), so a newsroom that adds ``shanghai`` to its reference gets it.
Names are simplified Chinese (resolve scans the normalized, simplified text) and English.
"""

from __future__ import annotations

# Provincial-level divisions (the reference holds Beijing, Tianjin and Hebei).
_PROVINCES_ZH = (
    "山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 重庆 四川 贵州 "
    "云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 台湾"
)
_PROVINCES_EN = (
    "Shanxi|Inner Mongolia|Liaoning|Jilin|Heilongjiang|Shanghai|Jiangsu|Zhejiang|Anhui|Fujian|Jiangxi|Shandong|"
    "Henan|Hubei|Hunan|Guangdong|Guangxi|Hainan|Chongqing|Sichuan|Guizhou|Yunnan|Tibet|Shaanxi|Gansu|Qinghai|"
    "Ningxia|Xinjiang|Hong Kong|Macao|Macau|Taiwan"
)
# Groups of regions used in air-quality and economic reporting.
_GROUPS_ZH = (
    "重点区域 长三角 长三角地区 长江三角洲 珠三角 珠江三角洲 汾渭平原 成渝地区 粤港澳大湾区 长江经济带 "
    "黄河流域 东北地区 苏皖鲁豫交界地区 华北地区 华北平原 华东地区 华南地区 华中地区"
)
_GROUPS_EN = (
    "Yangtze River Delta|Pearl River Delta|Fenwei Plain|Greater Bay Area|key regions|Yangtze River Economic Belt|"
    "North China|Northern China|North China Plain|East China|South China|Central China|Northeast China|"
    "Northwest China|Southwest China"
)
# Cities: the other "2+26" and Fenwei Plain cities, provincial capitals and other large cities.
_CITIES_ZH = (
    "太原 阳泉 长治 晋城 济南 淄博 济宁 德州 聊城 滨州 菏泽 郑州 开封 安阳 鹤壁 新乡 焦作 濮阳 晋中 运城 临汾 吕梁 "
    "洛阳 三门峡 西安 铜川 宝鸡 咸阳 渭南 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 武汉 长沙 广州 南宁 海口 成都 "
    "贵阳 昆明 拉萨 兰州 西宁 银川 乌鲁木齐 呼和浩特 深圳 青岛 大连 宁波 厦门 苏州"
)
_CITIES_EN = (
    "Taiyuan|Yangquan|Changzhi|Jincheng|Jinan|Zibo|Jining|Dezhou|Liaocheng|Binzhou|Heze|Zhengzhou|Kaifeng|Anyang|"
    "Hebi|Xinxiang|Jiaozuo|Puyang|Jinzhong|Yuncheng|Linfen|Luoyang|Xi'an|Xian|Xianyang|Weinan|Shenyang|Changchun|"
    "Harbin|Nanjing|Hangzhou|Hefei|Fuzhou|Nanchang|Wuhan|Changsha|Guangzhou|Nanning|Haikou|Chengdu|Guiyang|Kunming|"
    "Lhasa|Lanzhou|Xining|Yinchuan|Urumqi|Hohhot|Shenzhen|Qingdao|Dalian|Ningbo|Xiamen|Suzhou"
)
# Places abroad that reports compare with.
_ABROAD_ZH = "美国 日本 韩国 印度 欧盟 欧洲 东京 首尔 新德里 伦敦 巴黎 洛杉矶 纽约"
_ABROAD_EN = (
    "United States|Japan|South Korea|India|European Union|Europe|Tokyo|Seoul|New Delhi|Delhi|London|Paris|"
    "Los Angeles|New York"
)

# County-level cities, counties and towns the reference does not list, as aliases of the prefecture they belong to
# (administrative facts, not reference values): a figure for 黄骅港 or 燕郊 is a figure for Cangzhou or Langfang.
# Names that are also common words are given only in their long form (固安县, not 固安 in 巩固安全; 大厂县, not 大厂).
PREFECTURE_ALIASES: dict[str, tuple[str, ...]] = {
    "langfang": ("北三县", "三河", "三河市", "大厂县", "大厂回族自治县", "香河", "香河县", "燕郊", "燕郊镇", "固安县",
                 "Sanhe", "Dachang", "Xianghe", "Yanjiao", "Gu'an", "Gu’an", "Gu'an County", "Beisanxian"),
    "baoding": ("涿州", "涿州市", "Zhuozhou"),
    "cangzhou": ("黄骅", "黄骅市", "黄骅港", "Huanghua", "Huanghua Port"),
}

# Words that contain a place name but are not about the place (长治久安: lasting peace).
NOT_PLACES = ("长治久安",)


def prefecture_aliases() -> tuple[tuple[str, str], ...]:
    """(name, region id) for every county-level alias, in a fixed order."""
    return tuple((name, region) for region, names in PREFECTURE_ALIASES.items() for name in names)


def place_names() -> tuple[str, ...]:
    """Every name of a place the reference does not cover, in a fixed order."""
    zh = " ".join((_PROVINCES_ZH, _GROUPS_ZH, _CITIES_ZH, _ABROAD_ZH)).split()
    en = "|".join((_PROVINCES_EN, _GROUPS_EN, _CITIES_EN, _ABROAD_EN)).split("|")
    return tuple(zh + en)

/// A city of the sample and how its people behave.
struct CitySpec {
    /// Romanised name, as the `city` column shows it.
    let name: String
    /// Name in the local script (employers are named after it).
    let localName: String
    /// Two or three letters of the region code, unique within the province.
    let code: String
    /// Real districts (counties, wards) in the local script, in code order.
    let districts: [String]
    /// Generic districts are added until the city has this many; 0 keeps exactly `districts`.
    let padTo: Int
    /// Share of students insured, when it differs from the province's.
    let studentRate: Double?
    /// Share of persons who fall into arrears, when it differs from the default spread.
    let arrears: Double?
    /// Scales the population of the city's districts (the capital is large, the plateau sparse).
    let populationScale: Double

    init(_ name: String, _ localName: String, _ code: String, padTo: Int = 0, studentRate: Double? = nil,
         arrears: Double? = nil, populationScale: Double = 1, _ districts: [String] = []) {
        self.name = name
        self.localName = localName
        self.code = code
        self.districts = districts
        self.padTo = padTo
        self.studentRate = studentRate
        self.arrears = arrears
        self.populationScale = populationScale
    }
}

/// A province of the sample: its cities and the seeded shapes that hold province-wide.
struct ProvinceSpec {
    let country: Country
    let name: String
    let code: String
    /// Relative share of all persons who live here.
    let share: Double
    /// Share of residents whose household is registered in another province.
    let floatingShare: Double
    /// Share of students insured.
    let studentRate: Double
    let cities: [CitySpec]
}

/// The fixed geography of the sample (about 2,000 districts), shaped by DATA-MODEL.md's seeds:
/// Xining's low student coverage, Ha Tinh's 99.2 %, Qinghai's floating population, Quang Ninh's debts,
/// Bac Giang's voluntary participants, Jinan's Zhangqiu district.
enum RegionSpecs {
    static let chinaPad = 26
    static let vietnamPad = 21

    static let provinces: [ProvinceSpec] = china + vietnam

    static let china: [ProvinceSpec] = [
        ProvinceSpec(country: .china, name: "Qinghai", code: "QH", share: 0.07, floatingShare: 0.16, studentRate: 0.42, cities: [
            CitySpec("Xining", "西宁", "XN", studentRate: 0.28, arrears: 0.13, populationScale: 1.8,
                     ["城东区", "城中区", "城西区", "城北区", "湟中区", "湟源县", "大通回族土族自治县"]),
            CitySpec("Haidong", "海东", "HD", studentRate: 0.40,
                     ["乐都区", "平安区", "民和回族土族自治县", "互助土族自治县", "化隆回族自治县", "循化撒拉族自治县"]),
            CitySpec("Haixi", "海西", "HX", studentRate: 0.46, populationScale: 0.45, ["德令哈市", "格尔木市", "茫崖市", "乌兰县", "都兰县", "天峻县"]),
            CitySpec("Yushu", "玉树", "YS", studentRate: 0.37, populationScale: 0.35, ["玉树市", "杂多县", "称多县", "治多县", "囊谦县", "曲麻莱县"]),
        ]),
        ProvinceSpec(country: .china, name: "Jiangsu", code: "JS", share: 0.09, floatingShare: 0.20, studentRate: 0.93, cities: [
            CitySpec("Nanjing", "南京", "NJ", padTo: chinaPad, ["玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区",
                                                              "雨花台区", "江宁区", "六合区", "溧水区", "高淳区"]),
            CitySpec("Suzhou", "苏州", "SZ", padTo: chinaPad, ["姑苏区", "虎丘区", "吴中区", "相城区", "吴江区", "常熟市",
                                                             "张家港市", "昆山市", "太仓市"]),
            CitySpec("Wuxi", "无锡", "WX", padTo: chinaPad, ["梁溪区", "锡山区", "惠山区", "滨湖区", "新吴区", "江阴市", "宜兴市"]),
            CitySpec("Xuzhou", "徐州", "XZ", padTo: chinaPad, ["鼓楼区", "云龙区", "贾汪区", "泉山区", "铜山区", "丰县", "沛县",
                                                             "睢宁县", "新沂市", "邳州市"]),
            CitySpec("Changzhou", "常州", "CZ", padTo: chinaPad, ["天宁区", "钟楼区", "新北区", "武进区", "金坛区", "溧阳市"]),
            CitySpec("Nantong", "南通", "NT", padTo: chinaPad, ["崇川区", "通州区", "海门区", "如东县", "启东市", "如皋市", "海安市"]),
            CitySpec("Yangzhou", "扬州", "YZ", padTo: chinaPad, ["广陵区", "邗江区", "江都区", "宝应县", "仪征市", "高邮市"]),
        ]),
        ProvinceSpec(country: .china, name: "Shandong", code: "SD", share: 0.09, floatingShare: 0.08, studentRate: 0.90, cities: [
            CitySpec("Jinan", "济南", "JN", padTo: chinaPad, ["历下区", "市中区", "槐荫区", "天桥区", "历城区", "长清区",
                                                            "章丘区", "济阳区", "莱芜区", "钢城区", "平阴县", "商河县"]),
            CitySpec("Qingdao", "青岛", "QD", padTo: chinaPad, ["市南区", "市北区", "黄岛区", "崂山区", "李沧区", "城阳区",
                                                              "即墨区", "胶州市", "平度市", "莱西市"]),
            CitySpec("Yantai", "烟台", "YT", padTo: chinaPad, ["芝罘区", "福山区", "牟平区", "莱山区", "蓬莱区", "龙口市",
                                                             "莱阳市", "莱州市", "招远市", "栖霞市", "海阳市"]),
            CitySpec("Weifang", "潍坊", "WF", padTo: chinaPad, ["潍城区", "寒亭区", "坊子区", "奎文区", "临朐县", "昌乐县",
                                                              "青州市", "诸城市", "寿光市", "安丘市", "高密市", "昌邑市"]),
            CitySpec("Zibo", "淄博", "ZB", padTo: chinaPad, ["淄川区", "张店区", "博山区", "临淄区", "周村区", "桓台县", "高青县", "沂源县"]),
            CitySpec("Linyi", "临沂", "LY", padTo: chinaPad, ["兰山区", "罗庄区", "河东区", "沂南县", "郯城县", "沂水县",
                                                            "兰陵县", "费县", "平邑县", "莒南县", "蒙阴县", "临沭县"]),
        ]),
        ProvinceSpec(country: .china, name: "Sichuan", code: "SC", share: 0.08, floatingShare: 0.04, studentRate: 0.80, cities: [
            CitySpec("Chengdu", "成都", "CD", padTo: chinaPad, ["锦江区", "青羊区", "金牛区", "武侯区", "成华区", "龙泉驿区",
                                                              "青白江区", "新都区", "温江区", "双流区", "郫都区", "新津区",
                                                              "金堂县", "大邑县", "蒲江县", "都江堰市", "彭州市", "邛崃市",
                                                              "崇州市", "简阳市"]),
            CitySpec("Ya'an", "雅安", "YA", studentRate: 0.71, arrears: 0.22, populationScale: 0.6,
                     ["雨城区", "名山区", "荥经县", "汉源县", "石棉县", "天全县", "芦山县", "宝兴县"]),
            CitySpec("Mianyang", "绵阳", "MY", padTo: chinaPad, ["涪城区", "游仙区", "安州区", "三台县", "盐亭县", "梓潼县",
                                                               "北川羌族自治县", "平武县", "江油市"]),
            CitySpec("Leshan", "乐山", "LS", padTo: chinaPad, ["市中区", "沙湾区", "五通桥区", "金口河区", "犍为县", "井研县",
                                                             "夹江县", "沐川县", "峨边彝族自治县", "马边彝族自治县", "峨眉山市"]),
            CitySpec("Nanchong", "南充", "NC", padTo: chinaPad, ["顺庆区", "高坪区", "嘉陵区", "南部县", "营山县", "蓬安县",
                                                               "仪陇县", "西充县", "阆中市"]),
            CitySpec("Yibin", "宜宾", "YB", padTo: chinaPad, ["翠屏区", "南溪区", "叙州区", "江安县", "长宁县", "高县", "珙县",
                                                            "筠连县", "兴文县", "屏山县"]),
        ]),
        ProvinceSpec(country: .china, name: "Guangdong", code: "GD", share: 0.09, floatingShare: 0.26, studentRate: 0.86, cities: [
            CitySpec("Guangzhou", "广州", "GZ", padTo: chinaPad, ["荔湾区", "越秀区", "海珠区", "天河区", "白云区", "黄埔区",
                                                                "番禺区", "花都区", "南沙区", "从化区", "增城区"]),
            CitySpec("Shenzhen", "深圳", "SZ", padTo: chinaPad, arrears: 0.02,
                     ["罗湖区", "福田区", "南山区", "宝安区", "龙岗区", "盐田区", "龙华区", "坪山区", "光明区"]),
            CitySpec("Dongguan", "东莞", "DG", padTo: chinaPad, ["莞城街道", "南城街道", "东城街道", "万江街道", "石龙镇",
                                                               "虎门镇", "长安镇", "常平镇", "塘厦镇", "樟木头镇"]),
            CitySpec("Foshan", "佛山", "FS", padTo: chinaPad, ["禅城区", "南海区", "顺德区", "三水区", "高明区"]),
            CitySpec("Shantou", "汕头", "ST", padTo: chinaPad, ["龙湖区", "金平区", "濠江区", "潮阳区", "潮南区", "澄海区", "南澳县"]),
            CitySpec("Zhuhai", "珠海", "ZH", padTo: chinaPad, ["香洲区", "斗门区", "金湾区"]),
            CitySpec("Zhanjiang", "湛江", "ZJ", padTo: chinaPad, ["赤坎区", "霞山区", "坡头区", "麻章区", "遂溪县", "徐闻县",
                                                                "廉江市", "雷州市", "吴川市"]),
        ]),
        ProvinceSpec(country: .china, name: "Zhejiang", code: "ZJ", share: 0.05, floatingShare: 0.18, studentRate: 0.95, cities: [
            CitySpec("Hangzhou", "杭州", "HZ", padTo: chinaPad, ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区",
                                                               "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市"]),
            CitySpec("Ningbo", "宁波", "NB", padTo: chinaPad, ["海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区",
                                                             "象山县", "宁海县", "余姚市", "慈溪市"]),
            CitySpec("Wenzhou", "温州", "WZ", padTo: chinaPad, ["鹿城区", "龙湾区", "瓯海区", "洞头区", "永嘉县", "平阳县",
                                                              "苍南县", "文成县", "泰顺县", "瑞安市", "乐清市", "龙港市"]),
            CitySpec("Shaoxing", "绍兴", "SX", padTo: chinaPad, ["越城区", "柯桥区", "上虞区", "新昌县", "诸暨市", "嵊州市"]),
        ]),
        ProvinceSpec(country: .china, name: "Henan", code: "HA", share: 0.06, floatingShare: 0.03, studentRate: 0.83, cities: [
            CitySpec("Zhengzhou", "郑州", "ZZ", padTo: chinaPad, ["中原区", "二七区", "管城回族区", "金水区", "上街区", "惠济区",
                                                                "中牟县", "巩义市", "荥阳市", "新密市", "新郑市", "登封市"]),
            CitySpec("Luoyang", "洛阳", "LY", padTo: chinaPad, ["老城区", "西工区", "瀍河回族区", "涧西区", "偃师区", "孟津区",
                                                              "洛龙区", "新安县", "栾川县", "嵩县", "汝阳县", "宜阳县",
                                                              "洛宁县", "伊川县"]),
            CitySpec("Kaifeng", "开封", "KF", padTo: chinaPad, ["龙亭区", "顺河回族区", "鼓楼区", "禹王台区", "祥符区", "杞县",
                                                              "通许县", "尉氏县", "兰考县"]),
            CitySpec("Nanyang", "南阳", "NY", padTo: chinaPad, ["宛城区", "卧龙区", "南召县", "方城县", "西峡县", "镇平县",
                                                              "内乡县", "淅川县", "社旗县", "唐河县", "新野县", "桐柏县", "邓州市"]),
        ]),
        ProvinceSpec(country: .china, name: "Gansu", code: "GS", share: 0.03, floatingShare: 0.05, studentRate: 0.68, cities: [
            CitySpec("Lanzhou", "兰州", "LZ", padTo: chinaPad, ["城关区", "七里河区", "西固区", "安宁区", "红古区", "永登县",
                                                              "皋兰县", "榆中县"]),
            CitySpec("Tianshui", "天水", "TS", padTo: chinaPad, ["秦州区", "麦积区", "清水县", "秦安县", "甘谷县", "武山县",
                                                               "张家川回族自治县"]),
            CitySpec("Wuwei", "武威", "WW", padTo: chinaPad, ["凉州区", "民勤县", "古浪县", "天祝藏族自治县"]),
        ]),
        ProvinceSpec(country: .china, name: "Yunnan", code: "YN", share: 0.03, floatingShare: 0.06, studentRate: 0.74, cities: [
            CitySpec("Kunming", "昆明", "KM", padTo: chinaPad, ["五华区", "盘龙区", "官渡区", "西山区", "东川区", "呈贡区",
                                                              "晋宁区", "富民县", "宜良县", "石林彝族自治县", "嵩明县",
                                                              "禄劝彝族苗族自治县", "寻甸回族彝族自治县", "安宁市"]),
            CitySpec("Dali", "大理", "DL", padTo: chinaPad, ["大理市", "漾濞彝族自治县", "祥云县", "宾川县", "弥渡县",
                                                           "南涧彝族自治县", "巍山彝族回族自治县", "永平县", "云龙县",
                                                           "洱源县", "剑川县", "鹤庆县"]),
            CitySpec("Lijiang", "丽江", "LJ", padTo: chinaPad, ["古城区", "玉龙纳西族自治县", "永胜县", "华坪县", "宁蒗彝族自治县"]),
        ]),
        ProvinceSpec(country: .china, name: "Hubei", code: "HB", share: 0.04, floatingShare: 0.07, studentRate: 0.89, cities: [
            CitySpec("Wuhan", "武汉", "WH", padTo: chinaPad, ["江岸区", "江汉区", "硚口区", "汉阳区", "武昌区", "青山区",
                                                            "洪山区", "东西湖区", "汉南区", "蔡甸区", "江夏区", "黄陂区", "新洲区"]),
            CitySpec("Yichang", "宜昌", "YC", padTo: chinaPad, ["西陵区", "伍家岗区", "点军区", "猇亭区", "夷陵区", "远安县",
                                                              "兴山县", "秭归县", "长阳土家族自治县", "五峰土家族自治县",
                                                              "宜都市", "当阳市", "枝江市"]),
            CitySpec("Xiangyang", "襄阳", "XY", padTo: chinaPad, ["襄城区", "樊城区", "襄州区", "南漳县", "谷城县", "保康县",
                                                                "老河口市", "枣阳市", "宜城市"]),
        ]),
    ]

    static let vietnam: [ProvinceSpec] = [
        ProvinceSpec(country: .vietnam, name: "Ha Tinh", code: "HT", share: 0.06, floatingShare: 0.03, studentRate: 0.992, cities: [
            CitySpec("Ha Tinh", "Hà Tĩnh", "HT", arrears: 0.015,
                     ["Phường Bắc Hà", "Phường Nam Hà", "Phường Trần Phú", "Phường Tân Giang", "Phường Thạch Quý",
                      "Phường Đại Nài", "Phường Hà Huy Tập", "Phường Nguyễn Du", "Phường Thạch Linh", "Phường Văn Yên",
                      "Xã Thạch Trung", "Xã Thạch Hạ", "Xã Đồng Môn", "Xã Thạch Hưng", "Xã Thạch Bình"]),
            CitySpec("Hong Linh", "Hồng Lĩnh", "HL", padTo: vietnamPad, arrears: 0.02,
                     ["Phường Bắc Hồng", "Phường Nam Hồng", "Phường Đức Thuận", "Phường Trung Lương", "Phường Đậu Liêu",
                      "Xã Thuận Lộc"]),
            CitySpec("Ky Anh", "Kỳ Anh", "KA", padTo: vietnamPad, ["Xã Kỳ Đồng", "Xã Kỳ Khang", "Xã Kỳ Tân"]),
            CitySpec("Cam Xuyen", "Cẩm Xuyên", "CX", padTo: vietnamPad, ["Thị trấn Cẩm Xuyên", "Xã Cẩm Bình", "Xã Cẩm Thành"]),
            CitySpec("Thach Ha", "Thạch Hà", "TH", padTo: vietnamPad, ["Thị trấn Thạch Hà", "Xã Thạch Đài", "Xã Thạch Kênh"]),
            CitySpec("Huong Son", "Hương Sơn", "HS", padTo: vietnamPad, ["Thị trấn Phố Châu", "Xã Sơn Kim 1", "Xã Sơn Tây"]),
            CitySpec("Duc Tho", "Đức Thọ", "DT", padTo: vietnamPad, ["Thị trấn Đức Thọ", "Xã Tùng Ảnh", "Xã Đức Lạc"]),
            CitySpec("Can Loc", "Can Lộc", "CL", padTo: vietnamPad, ["Thị trấn Nghèn", "Xã Khánh Vĩnh Yên", "Xã Thiên Lộc"]),
            CitySpec("Nghi Xuan", "Nghi Xuân", "NX", padTo: vietnamPad, ["Thị trấn Xuân An", "Xã Xuân Hội", "Xã Cổ Đạm"]),
            CitySpec("Huong Khe", "Hương Khê", "HK", padTo: vietnamPad, ["Thị trấn Hương Khê", "Xã Phúc Trạch", "Xã Hương Trà"]),
        ]),
        ProvinceSpec(country: .vietnam, name: "Quang Ninh", code: "QN", share: 0.05, floatingShare: 0.06, studentRate: 0.97, cities: [
            CitySpec("Ha Long", "Hạ Long", "HL", arrears: 0.15, populationScale: 1.5,
                     ["Phường Bãi Cháy", "Phường Hồng Gai", "Phường Hà Tu", "Phường Cao Xanh", "Phường Hà Khánh",
                      "Phường Hà Lầm", "Phường Hà Trung", "Phường Hồng Hải", "Phường Hùng Thắng", "Phường Giếng Đáy",
                      "Phường Hà Khẩu", "Phường Tuần Châu", "Phường Việt Hưng", "Phường Đại Yên", "Phường Cao Thắng",
                      "Phường Trần Hưng Đạo", "Phường Bạch Đằng", "Phường Yết Kiêu", "Phường Hà Phong", "Phường Hoành Bồ"]),
            CitySpec("Cam Pha", "Cẩm Phả", "CP", padTo: vietnamPad, arrears: 0.13,
                     ["Phường Cẩm Thủy", "Phường Cẩm Trung", "Phường Cửa Ông", "Phường Mông Dương"]),
            CitySpec("Uong Bi", "Uông Bí", "UB", padTo: vietnamPad, ["Phường Quang Trung", "Phường Vàng Danh", "Phường Thanh Sơn"]),
            CitySpec("Mong Cai", "Móng Cái", "MC", padTo: vietnamPad, ["Phường Ka Long", "Phường Trần Phú", "Phường Trà Cổ"]),
            CitySpec("Dong Trieu", "Đông Triều", "DTR", padTo: vietnamPad, ["Phường Mạo Khê", "Phường Đông Triều"]),
            CitySpec("Quang Yen", "Quảng Yên", "QY", padTo: vietnamPad, ["Phường Quảng Yên", "Phường Phong Cốc"]),
            CitySpec("Van Don", "Vân Đồn", "VD", padTo: vietnamPad, ["Thị trấn Cái Rồng", "Xã Quan Lạn"]),
        ]),
        ProvinceSpec(country: .vietnam, name: "Bac Giang", code: "BG", share: 0.05, floatingShare: 0.03, studentRate: 0.95, cities: [
            CitySpec("Bac Giang", "Bắc Giang", "BG",
                     ["Phường Trần Phú", "Phường Ngô Quyền", "Phường Hoàng Văn Thụ", "Phường Lê Lợi", "Phường Mỹ Độ",
                      "Phường Thọ Xương", "Phường Xương Giang", "Phường Dĩnh Kế", "Phường Đa Mai", "Xã Song Mai",
                      "Xã Tân Mỹ", "Xã Đồng Sơn"]),
            CitySpec("Luc Nam", "Lục Nam", "LN", padTo: vietnamPad, ["Thị trấn Đồi Ngô", "Xã Bảo Đài"]),
            CitySpec("Luc Ngan", "Lục Ngạn", "LNG", padTo: vietnamPad, ["Thị trấn Chũ", "Xã Phượng Sơn"]),
            CitySpec("Yen The", "Yên Thế", "YT", padTo: vietnamPad, ["Thị trấn Cầu Gồ", "Xã Bố Hạ"]),
            CitySpec("Hiep Hoa", "Hiệp Hòa", "HH", padTo: vietnamPad, ["Thị trấn Thắng", "Xã Đông Lỗ"]),
            CitySpec("Viet Yen", "Việt Yên", "VY", padTo: vietnamPad, ["Phường Bích Động", "Phường Nếnh"]),
            CitySpec("Lang Giang", "Lạng Giang", "LG", padTo: vietnamPad, ["Thị trấn Vôi", "Thị trấn Kép"]),
            CitySpec("Tan Yen", "Tân Yên", "TY", padTo: vietnamPad, ["Thị trấn Cao Thượng", "Thị trấn Nhã Nam"]),
            CitySpec("Yen Dung", "Yên Dũng", "YD", padTo: vietnamPad, ["Thị trấn Nham Biền", "Thị trấn Tân An"]),
            CitySpec("Son Dong", "Sơn Động", "SD", padTo: vietnamPad, ["Thị trấn An Châu", "Thị trấn Tây Yên Tử"]),
        ]),
        ProvinceSpec(country: .vietnam, name: "Hanoi", code: "HN", share: 0.08, floatingShare: 0.16, studentRate: 0.98, cities: [
            CitySpec("Hanoi", "Hà Nội", "HN", arrears: 0.03,
                     ["Quận Ba Đình", "Quận Hoàn Kiếm", "Quận Tây Hồ", "Quận Long Biên", "Quận Cầu Giấy", "Quận Đống Đa",
                      "Quận Hai Bà Trưng", "Quận Hoàng Mai", "Quận Thanh Xuân", "Quận Nam Từ Liêm", "Quận Bắc Từ Liêm",
                      "Quận Hà Đông", "Thị xã Sơn Tây", "Huyện Ba Vì", "Huyện Chương Mỹ", "Huyện Đan Phượng",
                      "Huyện Đông Anh", "Huyện Gia Lâm", "Huyện Hoài Đức", "Huyện Mê Linh", "Huyện Mỹ Đức",
                      "Huyện Phú Xuyên", "Huyện Phúc Thọ", "Huyện Quốc Oai", "Huyện Sóc Sơn", "Huyện Thạch Thất",
                      "Huyện Thanh Oai", "Huyện Thanh Trì", "Huyện Thường Tín", "Huyện Ứng Hòa"]),
        ]),
        ProvinceSpec(country: .vietnam, name: "Ho Chi Minh City", code: "HCM", share: 0.06, floatingShare: 0.22, studentRate: 0.96, cities: [
            CitySpec("Ho Chi Minh City", "Thành phố Hồ Chí Minh", "HCM",
                     ["Quận 1", "Quận 3", "Quận 4", "Quận 5", "Quận 6", "Quận 7", "Quận 8", "Quận 10", "Quận 11",
                      "Quận 12", "Quận Bình Thạnh", "Quận Gò Vấp", "Quận Phú Nhuận", "Quận Tân Bình", "Quận Tân Phú",
                      "Quận Bình Tân", "Thành phố Thủ Đức", "Huyện Củ Chi", "Huyện Hóc Môn", "Huyện Bình Chánh",
                      "Huyện Nhà Bè", "Huyện Cần Giờ"]),
        ]),
        ProvinceSpec(country: .vietnam, name: "Nghe An", code: "NA", share: 0.04, floatingShare: 0.03, studentRate: 0.94, cities: [
            CitySpec("Vinh", "Vinh", "VI", padTo: vietnamPad, ["Phường Lê Mao", "Phường Hưng Bình", "Phường Quán Bàu"]),
            CitySpec("Cua Lo", "Cửa Lò", "CLO", padTo: vietnamPad, ["Phường Nghi Thủy", "Phường Thu Thủy"]),
            CitySpec("Dien Chau", "Diễn Châu", "DC", padTo: vietnamPad, ["Thị trấn Diễn Châu", "Xã Diễn Kỷ"]),
            CitySpec("Quynh Luu", "Quỳnh Lưu", "QL", padTo: vietnamPad, ["Thị trấn Cầu Giát", "Xã Quỳnh Bá"]),
            CitySpec("Nghi Loc", "Nghi Lộc", "NL", padTo: vietnamPad, ["Thị trấn Quán Hành", "Xã Nghi Thạch"]),
            CitySpec("Do Luong", "Đô Lương", "DL", padTo: vietnamPad, ["Thị trấn Đô Lương", "Xã Đà Sơn"]),
        ]),
        ProvinceSpec(country: .vietnam, name: "Thanh Hoa", code: "TH", share: 0.04, floatingShare: 0.03, studentRate: 0.93, cities: [
            CitySpec("Thanh Hoa", "Thanh Hóa", "TH", padTo: vietnamPad, ["Phường Điện Biên", "Phường Lam Sơn", "Phường Ba Đình"]),
            CitySpec("Sam Son", "Sầm Sơn", "SS", padTo: vietnamPad, ["Phường Trường Sơn", "Phường Bắc Sơn"]),
            CitySpec("Bim Son", "Bỉm Sơn", "BS", padTo: vietnamPad, ["Phường Ba Đình", "Phường Ngọc Trạo"]),
            CitySpec("Nghi Son", "Nghi Sơn", "NS", padTo: vietnamPad, ["Phường Hải Hòa", "Phường Tĩnh Hải"]),
            CitySpec("Hoang Hoa", "Hoằng Hóa", "HH", padTo: vietnamPad, ["Thị trấn Bút Sơn", "Xã Hoằng Tiến"]),
        ]),
        ProvinceSpec(country: .vietnam, name: "Da Nang", code: "DN", share: 0.03, floatingShare: 0.12, studentRate: 0.975, cities: [
            CitySpec("Da Nang", "Đà Nẵng", "DN",
                     ["Quận Hải Châu", "Quận Thanh Khê", "Quận Sơn Trà", "Quận Ngũ Hành Sơn", "Quận Liên Chiểu",
                      "Quận Cẩm Lệ", "Huyện Hòa Vang", "Huyện Hoàng Sa"]),
        ]),
        ProvinceSpec(country: .vietnam, name: "Hai Phong", code: "HP", share: 0.03, floatingShare: 0.08, studentRate: 0.96, cities: [
            CitySpec("Hai Phong", "Hải Phòng", "HP",
                     ["Quận Hồng Bàng", "Quận Ngô Quyền", "Quận Lê Chân", "Quận Hải An", "Quận Kiến An", "Quận Đồ Sơn",
                      "Quận Dương Kinh", "Huyện Thủy Nguyên", "Huyện An Dương", "Huyện An Lão", "Huyện Kiến Thụy",
                      "Huyện Tiên Lãng", "Huyện Vĩnh Bảo", "Huyện Cát Hải", "Huyện Bạch Long Vĩ"]),
        ]),
    ]

    /// Generic Chinese place-name stems for the districts added to reach `padTo` (as 街道 or 镇).
    static let chineseStems = [
        "东湖", "西山", "南湖", "北关", "新华", "和平", "长安", "永安", "太平", "兴隆", "金山", "龙泉", "青山", "白云",
        "红旗", "建设", "胜利", "光明", "向阳", "东风", "文化", "湖滨", "江北", "江南", "河东", "河西", "山前", "桥东",
        "桥西", "开元", "平安", "永宁", "长宁", "安定", "新安", "宁远", "太和", "兴安", "东安", "福田", "高新", "经开",
        "城关", "临江", "青龙", "凤凰", "翠屏", "梅园", "柳林", "桃源",
    ]

    /// Generic Vietnamese commune-name stems for the districts added to reach `padTo` (as Phường or Xã).
    static let vietnameseStems = [
        "Tân Lập", "Hòa Bình", "Quang Trung", "Đông Hưng", "Tân Phú", "An Bình", "Phú Lộc", "Thạnh Mỹ", "Hưng Đạo",
        "Thống Nhất", "Đồng Tâm", "Tân Tiến", "Yên Mỹ", "Minh Khai", "Bình Minh", "Hợp Thành", "Kim Liên",
        "Thanh Xuân", "Trung Sơn", "Phú Thịnh", "Tân Hòa", "Quyết Tiến", "Hồng Phong", "Nam Sơn", "Bắc Sơn",
        "Đông Sơn", "Tây Sơn", "Thành Công", "Độc Lập", "Hạnh Phúc", "Việt Hưng", "Phúc Thành", "Lê Lợi",
        "Nguyễn Trãi", "Lý Thường Kiệt", "Phan Đình Phùng", "Cẩm Thủy", "Sơn Kim", "Kỳ Lâm", "Xuân Thành",
    ]
}

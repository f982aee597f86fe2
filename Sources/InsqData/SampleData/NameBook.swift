import InsqStorage

/// Every full name the sample can give, built once as one dictionary: Chinese names in Han characters
/// (`王芳`) or pinyin (`Wang Fang`), Vietnamese names with or without diacritics (`Nguyễn Văn An`).
///
/// The names form blocks by country, script and sex, so a person's name is a block offset plus a draw.
struct NameBook: Sendable {
    /// A run of codes in `dictionary` sharing country, script and sex.
    struct Block: Sendable {
        let offset: UInt32
        let count: Int
    }

    static let shared = NameBook()

    let dictionary: TextDictionary
    /// Indexed by `blockIndex(country:isRomanised:isFemale:)`.
    private let blocks: [Block]

    private static let chineseSurnames: [(String, String)] = [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"),
        ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"),
        ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("林", "Lin"), ("高", "Gao"), ("罗", "Luo"),
    ]
    private static let chineseFemaleNames: [(String, String)] = [
        ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("丽", "Li"), ("艳", "Yan"), ("娟", "Juan"),
        ("霞", "Xia"), ("秀英", "Xiuying"), ("桂英", "Guiying"), ("玉兰", "Yulan"), ("婷", "Ting"), ("雪", "Xue"),
        ("慧", "Hui"), ("颖", "Ying"), ("琳", "Lin"), ("欣怡", "Xinyi"), ("梓涵", "Zihan"), ("雨萱", "Yuxuan"),
        ("佳怡", "Jiayi"),
    ]
    private static let chineseMaleNames: [(String, String)] = [
        ("伟", "Wei"), ("强", "Qiang"), ("磊", "Lei"), ("军", "Jun"), ("洋", "Yang"), ("勇", "Yong"), ("杰", "Jie"),
        ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"), ("刚", "Gang"), ("平", "Ping"), ("建华", "Jianhua"),
        ("志强", "Zhiqiang"), ("建国", "Jianguo"), ("浩然", "Haoran"), ("子轩", "Zixuan"), ("宇航", "Yuhang"),
        ("俊杰", "Junjie"), ("文博", "Wenbo"),
    ]
    private static let vietnameseFamilyNames: [(String, String)] = [
        ("Nguyễn", "Nguyen"), ("Trần", "Tran"), ("Lê", "Le"), ("Phạm", "Pham"), ("Hoàng", "Hoang"),
        ("Huỳnh", "Huynh"), ("Phan", "Phan"), ("Vũ", "Vu"), ("Võ", "Vo"), ("Đặng", "Dang"), ("Bùi", "Bui"),
        ("Đỗ", "Do"), ("Hồ", "Ho"), ("Ngô", "Ngo"), ("Dương", "Duong"), ("Lý", "Ly"),
    ]
    private static let vietnameseFemaleMiddle: [(String, String)] = [
        ("Thị", "Thi"), ("Ngọc", "Ngoc"), ("Thu", "Thu"), ("Thanh", "Thanh"),
    ]
    private static let vietnameseMaleMiddle: [(String, String)] = [
        ("Văn", "Van"), ("Đức", "Duc"), ("Minh", "Minh"), ("Hữu", "Huu"),
    ]
    private static let vietnameseFemaleNames: [(String, String)] = [
        ("Anh", "Anh"), ("Hà", "Ha"), ("Hoa", "Hoa"), ("Hương", "Huong"), ("Lan", "Lan"), ("Linh", "Linh"),
        ("Mai", "Mai"), ("Nhung", "Nhung"), ("Phương", "Phuong"), ("Thảo", "Thao"), ("Trang", "Trang"),
        ("Yến", "Yen"), ("Hằng", "Hang"), ("Vy", "Vy"), ("Giang", "Giang"),
    ]
    private static let vietnameseMaleNames: [(String, String)] = [
        ("An", "An"), ("Bình", "Binh"), ("Cường", "Cuong"), ("Dũng", "Dung"), ("Hải", "Hai"), ("Hùng", "Hung"),
        ("Long", "Long"), ("Nam", "Nam"), ("Phúc", "Phuc"), ("Quân", "Quan"), ("Sơn", "Son"), ("Tuấn", "Tuan"),
        ("Việt", "Viet"), ("Khoa", "Khoa"), ("Thắng", "Thang"),
    ]

    private init() {
        var strings: [String] = []
        var blocks: [Block] = []
        for country in Country.allCases {
            for isRomanised in [false, true] {
                for isFemale in [false, true] {
                    let offset = UInt32(strings.count)
                    let pick: ((String, String)) -> String = { isRomanised ? $0.1 : $0.0 }
                    switch country {
                    case .china:
                        let given = isFemale ? Self.chineseFemaleNames : Self.chineseMaleNames
                        for surname in Self.chineseSurnames {
                            for name in given {
                                // Han names are written without a space, pinyin names with one.
                                strings.append(isRomanised ? pick(surname) + " " + pick(name) : pick(surname) + pick(name))
                            }
                        }
                    case .vietnam:
                        let middles = isFemale ? Self.vietnameseFemaleMiddle : Self.vietnameseMaleMiddle
                        let given = isFemale ? Self.vietnameseFemaleNames : Self.vietnameseMaleNames
                        for family in Self.vietnameseFamilyNames {
                            for middle in middles {
                                for name in given {
                                    strings.append(pick(family) + " " + pick(middle) + " " + pick(name))
                                }
                            }
                        }
                    }
                    blocks.append(Block(offset: offset, count: strings.count - Int(offset)))
                }
            }
        }
        self.blocks = blocks
        dictionary = TextDictionary(strings)
    }

    func block(country: Country, isRomanised: Bool, isFemale: Bool) -> Block {
        blocks[Int(country.rawValue) * 4 + (isRomanised ? 2 : 0) + (isFemale ? 1 : 0)]
    }
}

/// Every employer the sample can name, built once: a few units per city (named after it in the local
/// script) and a few national ones per country.
struct EmployerBook: Sendable {
    static let shared = EmployerBook()

    let dictionary: TextDictionary
    /// First code of each city's employers; each city has `perCity` of them.
    private let cityOffsets: [UInt32]
    /// First code and count of each country's national employers.
    private let nationalOffsets: [UInt32]
    let perCity: Int
    let perCountry: Int

    private static let chinesePatterns = [
        "%市第一人民医院", "%市自来水有限公司", "%市公共交通集团", "%市第一中学", "%市财政局", "%市供电公司",
        "%市建筑工程有限公司", "%农村商业银行",
    ]
    private static let vietnamesePatterns = [
        "Bệnh viện Đa khoa %", "Công ty Cổ phần Cấp nước %", "Trường THPT %", "Công ty Điện lực %", "UBND %",
        "Công ty TNHH May %", "Ngân hàng Agribank Chi nhánh %", "Công ty Xây dựng %",
    ]
    private static let chineseNational = ["中国石油天然气集团", "国家电网有限公司", "中国邮政集团", "中国移动通信集团"]
    private static let vietnameseNational = [
        "Tập đoàn Điện lực Việt Nam", "Tổng công ty Bưu điện Việt Nam", "Tập đoàn Than - Khoáng sản Việt Nam",
        "Tập đoàn Viettel",
    ]

    private init() {
        let regions = RegionSet.shared
        var strings: [String] = []
        var cityOffsets: [UInt32] = []
        for city in regions.cities {
            cityOffsets.append(UInt32(strings.count))
            let country = regions.provinces[city.province].country
            let patterns = country == .china ? Self.chinesePatterns : Self.vietnamesePatterns
            for pattern in patterns {
                strings.append(pattern.replacingPercent(with: city.localName))
            }
        }
        var nationalOffsets: [UInt32] = []
        for country in Country.allCases {
            nationalOffsets.append(UInt32(strings.count))
            strings += country == .china ? Self.chineseNational : Self.vietnameseNational
        }
        perCity = Self.chinesePatterns.count
        perCountry = Self.chineseNational.count
        self.cityOffsets = cityOffsets
        self.nationalOffsets = nationalOffsets
        dictionary = TextDictionary(strings)
    }

    /// The code of a city's employer number `index` (0..<perCity).
    func cityEmployer(city: Int, index: Int) -> UInt32 { cityOffsets[city] + UInt32(index) }

    /// The code of a national employer number `index` (0..<perCountry).
    func nationalEmployer(country: Country, index: Int) -> UInt32 {
        nationalOffsets[Int(country.rawValue)] + UInt32(index)
    }
}

private extension String {
    /// The pattern with its single `%` replaced.
    func replacingPercent(with text: String) -> String {
        guard let i = firstIndex(of: "%") else { return self }
        return String(self[..<i]) + text + String(self[index(after: i)...])
    }
}

#include "import/acledgenerator.h"

#include "model/splitmix.h"
#include "session/safewrite.h"

#include <QDate>
#include <QIODevice>

#include <array>
#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>

namespace claimline {

namespace {

using Random = SplitMix;

constexpr std::array<std::string_view, 31> Header {
    "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
    "iso",           "region",         "country",  "admin1",         "admin2",
    "admin3",        "location",       "latitude", "longitude",      "geo_precision",
    "source",        "source_scale",   "notes",    "fatalities",     "tags",
    "timestamp"};

struct Place
{
    bool russia;
    std::string_view admin1, admin2, admin3, location;
    std::string_view latitude, longitude;
};

// Real places with ACLED's spelling of their admin levels: first Ukraine's, then Russia's.
constexpr std::array<Place, 30> Places {{
    {false, "Kharkiv", "Kharkivskyi", "Kharkivska", "Kharkiv", "49.9935", "36.2304"},
    {false, "Kharkiv", "Kupianskyi", "Kupianska", "Kupiansk", "49.7106", "37.6156"},
    {false, "Kharkiv", "Chuhuivskyi", "Vovchanska", "Vovchansk", "50.2907", "36.9412"},
    {false, "Kharkiv", "Iziumskyi", "Iziumska", "Izium", "49.2128", "37.2569"},
    {false, "Donetsk", "Bakhmutskyi", "Bakhmutska", "Bakhmut", "48.5956", "38.0004"},
    {false, "Donetsk", "Pokrovskyi", "Avdiivska", "Avdiivka", "48.1394", "37.7497"},
    {false, "Donetsk", "Kramatorskyi", "Kramatorska", "Kramatorsk", "48.7389", "37.5848"},
    {false, "Donetsk", "Pokrovskyi", "Pokrovska", "Pokrovsk", "48.2822", "37.1758"},
    {false, "Donetsk", "Volnovaskyi", "Vuhledarska", "Vuhledar", "47.7797", "37.2486"},
    {false, "Zaporizhia", "Zaporizkyi", "Zaporizka", "Zaporizhzhia", "47.8388", "35.1396"},
    {false, "Zaporizhia", "Polohivskyi", "Huliaipilska", "Huliaipole", "47.6617", "36.2561"},
    {false, "Kherson", "Khersonskyi", "Khersonska", "Kherson", "46.6354", "32.6169"},
    {false, "Kherson", "Beryslavskyi", "Beryslavska", "Beryslav", "46.8384", "33.4263"},
    {false, "Dnipropetrovsk", "Nikopolskyi", "Nikopolska", "Nikopol", "47.5669", "34.3963"},
    {false, "Dnipropetrovsk", "Dniprovskyi", "Dniprovska", "Dnipro", "48.4647", "35.0462"},
    {false, "Sumy", "Sumskyi", "Sumska", "Sumy", "50.9077", "34.7981"},
    {false, "Sumy", "Shostkynskyi", "Seredyno-Budska", "Seredyna-Buda", "52.1889", "34.0367"},
    {false, "Chernihiv", "Chernihivskyi", "Chernihivska", "Chernihiv", "51.4982", "31.2893"},
    {false, "Kyiv City", "Kyiv City", "", "Kyiv - Darnytskyi", "50.4180", "30.6391"},
    {false, "Odesa", "Odeskyi", "Odeska", "Odesa", "46.4825", "30.7233"},
    {false, "Mykolaiv", "Mykolaivskyi", "Mykolaivska", "Mykolaiv", "46.9750", "31.9946"},
    {false, "Luhansk", "Sievierodonetskyi", "Sievierodonetska", "Sievierodonetsk", "48.9482",
     "38.4917"},
    {false, "Lviv", "Lvivskyi", "Lvivska", "Lviv", "49.8397", "24.0297"},
    {false, "Khmelnytskyi", "Khmelnytskyi", "Starokostiantynivska", "Starokostiantyniv", "49.7565",
     "27.2136"},
    {true, "Belgorod", "Belgorodskiy", "", "Belgorod", "50.5997", "36.5983"},
    {true, "Belgorod", "Shebekinskiy", "", "Shebekino", "50.4000", "36.8875"},
    {true, "Kursk", "Sudzhanskiy", "", "Sudzha", "51.1913", "35.2712"},
    {true, "Bryansk", "Klimovskiy", "", "Klimovo", "52.3786", "32.1878"},
    {true, "Novgorod", "Valdayskiy", "", "Valday", "57.9765", "33.2490"},
    {true, "Krasnodar", "Anapskiy", "", "Anapa", "44.8949", "37.3166"},
}};
constexpr std::size_t UkrainianPlaces = 24;

// What happened: the codebook's event types with the actors typical of each. `{country}` in an
// actor name is the row's country.
enum class Where : std::uint8_t { Anywhere, Ukraine, Russia };

struct Kind
{
    Where where;
    std::string_view disorder, type, subType;
    std::string_view actor1, actor2; // actor2 may be empty
    char inter1, inter2; // '0' when there is no actor
    std::string_view verb; // for the notes: "[actor1] [verb] [location]"
    bool civilians = false;
};

constexpr std::array<Kind, 12> Kinds {{
    {Where::Ukraine, "Political violence", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "Military Forces of Russia (2000-)", "", '8', '0',
     "shelled", false},
    {Where::Ukraine, "Political violence", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "Military Forces of Russia (2000-)",
     "Civilians ({country})", '8', '7', "shelled", true},
    {Where::Ukraine, "Political violence", "Explosions/Remote violence", "Air/drone strike",
     "Military Forces of Russia (2000-)", "", '8', '0', "launched drones at", false},
    {Where::Russia, "Political violence", "Explosions/Remote violence", "Air/drone strike",
     "Military Forces of Ukraine (2019-)", "", '8', '0', "launched drones at", false},
    {Where::Ukraine, "Political violence", "Battles", "Armed clash",
     "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)", '8', '1',
     "clashed with Ukrainian forces near", false},
    {Where::Ukraine, "Political violence", "Battles", "Armed clash", "Wagner Group",
     "Military Forces of Ukraine (2019-)", '8', '1', "attacked Ukrainian positions near", false},
    {Where::Anywhere, "Political violence", "Explosions/Remote violence",
     "Remote explosive/landmine/IED", "Unidentified Armed Group ({country})",
     "Civilians ({country})", '3', '7', "set off an explosive device in", true},
    {Where::Ukraine, "Political violence", "Violence against civilians", "Attack",
     "Military Forces of Russia (2000-)", "Civilians ({country})", '8', '7',
     "fired on civilians in", true},
    {Where::Anywhere, "Demonstrations", "Protests", "Peaceful protest", "Protesters ({country})",
     "", '6', '0', "held a rally in", false},
    {Where::Ukraine, "Strategic developments", "Strategic developments", "Disrupted weapons use",
     "Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)", '1', '8',
     "shot down drones over", false},
    {Where::Russia, "Strategic developments", "Strategic developments", "Other",
     "Government of Russia (2000-)", "", '1', '0', "announced a state of emergency in", false},
    {Where::Russia, "Political violence; Demonstrations", "Riots", "Mob violence",
     "Rioters (Russia)", "Police Forces of Russia (2000-)", '5', '1', "clashed with police in",
     false},
}};

constexpr std::array<std::string_view, 17> Sources {"Ukrinform",
                                                    "Ukrainska Pravda",
                                                    "Suspilne",
                                                    "Kyiv Independent",
                                                    "Ministry of Defence of Ukraine",
                                                    "General Staff of the Armed Forces of Ukraine",
                                                    "Ministry of Defence of Russia",
                                                    "RIA Novosti",
                                                    "TASS",
                                                    "Meduza",
                                                    "Mediazona",
                                                    "Telegram",
                                                    "Twitter",
                                                    "Kharkiv Regional Military Administration",
                                                    "Governor of Belgorod Oblast",
                                                    "Institute for the Study of War",
                                                    "Novaya Gazeta Europe"};

constexpr std::array<std::string_view, 6> Scales {"National",          "Subnational",
                                                  "National-Regional", "Other-National",
                                                  "New media",         "New media-National"};

constexpr std::array<std::string_view, 10> Fillers {
    " Local authorities reported damage to residential buildings, a school and power lines.",
    " According to the regional administration, emergency services worked at the site.",
    " The strike reportedly hit an industrial facility, causing a fire.",
    " Air defence units were active in the area, according to local officials.",
    " Reports say windows were blown out in several high-rise buildings nearby.",
    " Russian sources claimed the target was a military depot; this could not be verified.",
    " Electricity and water supply were interrupted in parts of the district.",
    " Several vehicles were destroyed, according to photographs shared online.",
    " The attack took place overnight, with explosions heard across the city.",
    " Ukrainian officials described the attack as deliberate targeting of civilians."};

// Some notes quote local reports: Cyrillic text in a UTF-8 file.
constexpr std::array<std::string_view, 4> Quotes {
    " A resident told local media: \xc2\xab\xd0\x92\xd0\xb8\xd0\xb1\xd1\x83\xd1\x85\xd0\xb8 "
    "\xd1\x83 \xd0\xbc\xd1\x96\xd1\x81\xd1\x82\xd1\x96, \xd1\x81\xd0\xb2\xd1\x96\xd1\x82\xd0"
    "\xbb\xd0\xb0 \xd0\xbd\xd0\xb5\xd0\xbc\xd0\xb0\xd1\x94\xc2\xbb.",
    " The governor wrote on Telegram: \xc2\xab\xd0\x9e\xd0\xb1\xd1\x81\xd1\x82\xd1\x80\xd0\xb5"
    "\xd0\xbb \xd0\xbf\xd1\x80\xd0\xbe\xd0\xb4\xd0\xbe\xd0\xbb\xd0\xb6\xd0\xb0\xd0\xb5\xd1\x82"
    "\xd1\x81\xd1\x8f\xc2\xbb.",
    " The unit calling itself \"Storm Z\" was said to be involved.",
    " Officials used the words \"a massive, combined attack\"."};

constexpr std::array<std::string_view, 12> Months {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};

constexpr std::int64_t FirstDay = 19047; // 2022-02-24, days since 1970-01-01
constexpr std::int64_t Days = 1042; // to 2024-12-31
constexpr std::int64_t UnixEpochJulianDay = 2440588;

// Appends one CSV field, quoted (RFC 4180) when it holds a delimiter, quote or line break.
void appendField(std::string &row, std::string_view value)
{
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        row += value;
    } else {
        row += '"';
        for (const char c : value) {
            if (c == '"')
                row += '"';
            row += c;
        }
        row += '"';
    }
    row += ',';
}

void appendNumber(std::string &row, std::int64_t value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    row.append(digits, end);
    row += ',';
}

// "Civilians ({country})" → "Civilians (Ukraine)".
void appendActor(std::string &out, std::string_view actor, std::string_view country)
{
    constexpr std::string_view Placeholder = "{country}";
    for (std::size_t at = actor.find(Placeholder); at != std::string_view::npos;
         at = actor.find(Placeholder)) {
        out += actor.substr(0, at);
        out += country;
        actor.remove_prefix(at + Placeholder.size());
    }
    out += actor;
}

class RowWriter
{
public:
    RowWriter(const AcledGeneratorOptions &options)
        : m_random(options.seed)
        , m_options(options)
    { }

    // Appends row `index` to `row`, ending with CRLF as ACLED's exports do.
    void write(std::uint64_t index, std::string &row)
    {
        Random &r = m_random;
        const Kind &kind = Kinds[r.below(Kinds.size())];
        const bool inRussia
            = kind.where == Where::Russia || (kind.where == Where::Anywhere && r.below(4) == 0);
        const Place &place = inRussia
            ? Places[UkrainianPlaces + r.below(Places.size() - UkrainianPlaces)]
            : Places[r.below(UkrainianPlaces)];
        const std::string_view country = place.russia ? "Russia" : "Ukraine";

        // The id: the country's code and a number that no other row has.
        m_text.assign(place.russia ? "RUS" : "UKR");
        m_text += std::to_string(1000000 + index);
        appendField(row, m_text);

        const std::int64_t day = FirstDay
            + std::int64_t(index * std::uint64_t(Days) / std::max<std::uint64_t>(1, m_options.rows))
            + r.below(3);
        const QDate date = QDate::fromJulianDay(day + UnixEpochJulianDay);
        char buffer[40];
        if (m_options.dates == AcledDateStyle::Iso)
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year(), date.month(),
                          date.day());
        else
            std::snprintf(buffer, sizeof buffer, "%d %s %04d", date.day(),
                          Months[std::size_t(date.month() - 1)].data(), date.year());
        appendField(row, buffer);
        appendNumber(row, date.year());
        const std::uint32_t precisionDraw = r.below(100);
        appendNumber(row, precisionDraw < 90 ? 1 : precisionDraw < 98 ? 2 : 3);

        appendField(row, kind.disorder);
        appendField(row, kind.type);
        appendField(row, kind.subType);
        m_text.clear();
        appendActor(m_text, kind.actor1, country);
        appendField(row, m_text);
        m_text.clear();
        if (kind.inter1 == '6' && r.below(3) == 0)
            appendActor(m_text, "Women ({country}); Labor Group ({country})", country);
        appendField(row, m_text);
        row += kind.inter1;
        row += ',';
        m_text.clear();
        appendActor(m_text, kind.actor2, country);
        appendField(row, m_text);
        appendField(row, "");
        row += kind.inter2;
        row += ',';
        // The lower code first ("18"); an event of one actor is its code and 0 ("80").
        const bool alone = kind.inter2 == '0';
        row += alone || kind.inter1 < kind.inter2 ? kind.inter1 : kind.inter2;
        row += alone ? '0' : kind.inter1 < kind.inter2 ? kind.inter2 : kind.inter1;
        row += ',';
        appendField(row, kind.civilians ? "Civilian targeting" : "");
        appendField(row, place.russia ? "643" : "804");
        appendField(row, "Europe");
        appendField(row, country);
        appendField(row, place.admin1);
        appendField(row, place.admin2);
        appendField(row, place.admin3);
        appendField(row, place.location);
        appendField(row, place.latitude);
        appendField(row, place.longitude);
        const std::uint32_t geoDraw = r.below(100);
        appendNumber(row, geoDraw < 80 ? 1 : geoDraw < 95 ? 2 : 3);

        // One to three distinct sources.
        const std::uint32_t sourceCount = r.between(1, 3);
        const std::uint32_t firstSource = r.below(Sources.size());
        m_text.clear();
        for (std::uint32_t s = 0; s < sourceCount; ++s) {
            if (s > 0)
                m_text += "; ";
            m_text += Sources[(firstSource + s * 5) % Sources.size()];
        }
        appendField(row, m_text);
        appendField(row, Scales[r.below(Scales.size())]);

        const std::uint32_t fatalityDraw = r.below(100);
        const std::uint32_t fatalities = fatalityDraw < 70 ? 0
            : fatalityDraw < 90                            ? r.between(1, 3)
                                                           : r.between(4, 30);
        writeNotes(date, kind, place, country, fatalities);
        appendField(row, m_text);
        appendNumber(row, fatalities);
        appendField(row,
                    kind.inter1 == '6'
                        ? (r.below(2) ? "crowd size=no report" : "crowd size=around 50")
                        : "");
        // Recorded some days after the event.
        const std::int64_t timestamp
            = (day + r.between(3, 20)) * 86400 + std::int64_t(r.below(86400));
        appendNumber(row, timestamp);
        row.back() = '\r';
        row += '\n';
    }

private:
    // "On 16 February 2023, Military Forces of Russia (2000-) shelled Kharkiv (Kharkivskyi,
    // Kharkiv). ..." up to a length drawn from 100-300 characters.
    void writeNotes(QDate date, const Kind &kind, const Place &place, std::string_view country,
                    std::uint32_t fatalities)
    {
        Random &r = m_random;
        // Most notes are short; one in five runs to 300 characters.
        const std::uint32_t target = r.below(5) ? r.between(100, 200) : r.between(200, 300);
        m_text.assign("On ");
        m_text += std::to_string(date.day());
        m_text += ' ';
        m_text += Months[std::size_t(date.month() - 1)];
        m_text += ' ';
        m_text += std::to_string(date.year());
        m_text += ", ";
        appendActor(m_text, kind.actor1, country);
        m_text += ' ';
        m_text += kind.verb;
        m_text += ' ';
        m_text += place.location;
        m_text += " (";
        m_text += place.admin2;
        m_text += ", ";
        m_text += place.admin1;
        m_text += ").";
        if (fatalities == 0) {
            m_text += " No casualties reported.";
        } else {
            m_text += ' ';
            m_text += std::to_string(fatalities);
            m_text += fatalities == 1 ? " person was killed." : " people were killed.";
        }
        if (r.perMille(60))
            m_text += Quotes[r.below(Quotes.size())];
        if (r.perMille(2))
            m_text += "\nUpdate: the number of casualties was revised the next day.";
        while (true) {
            const std::string_view filler = Fillers[r.below(Fillers.size())];
            if (m_text.size() + filler.size() > target)
                break;
            m_text += filler;
        }
        if (m_text.size() < 100)
            m_text += " [size=no report]";
    }

    Random m_random;
    AcledGeneratorOptions m_options;
    std::string m_text;
};

} // namespace

bool writeAcledCsv(QIODevice &device, const AcledGeneratorOptions &options, QString *error)
{
    // Rows go into a buffer written in blocks of about a megabyte.
    constexpr std::size_t BlockSize = 1 << 20;
    std::string block;
    block.reserve(BlockSize + 4096);
    for (const std::string_view name : Header) {
        block += name;
        block += ',';
    }
    block.back() = '\r';
    block += '\n';
    const auto flush = [&] {
        if (device.write(block.data(), qint64(block.size())) != qint64(block.size())) {
            *error = device.errorString();
            return false;
        }
        block.clear();
        return true;
    };
    RowWriter writer(options);
    for (std::uint64_t i = 0; i < options.rows; ++i) {
        writer.write(i, block);
        if (block.size() >= BlockSize && !flush())
            return false;
    }
    return flush();
}

QString saveAcledCsv(const QString &path, const AcledGeneratorOptions &options)
{
    return safeWrite(
        path,
        [&](QIODevice &device, QString *error) { return writeAcledCsv(device, options, error); },
        SafeWriteOptions {false});
}

} // namespace claimline

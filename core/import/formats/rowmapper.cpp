#include "import/formats/rowmapper.h"

#include "import/formats/acled.h"
#include "import/formats/ucdp.h"

namespace claimline {

std::unique_ptr<RowMapper> makeRowMapper(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Acled:
        return std::make_unique<AcledMapper>();
    case ImportFormat::Ucdp:
        return std::make_unique<UcdpMapper>();
    case ImportFormat::Auto:
        break;
    }
    Q_ASSERT_X(false, "makeRowMapper", "Auto is not a format: detect it first");
    return nullptr;
}

} // namespace claimline

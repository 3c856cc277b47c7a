#include "text/utf8.h"

namespace claimline {

int utf8SequenceLength(const char *p, const char *end)
{
    const auto lead = static_cast<unsigned char>(*p);
    int length = 0;
    unsigned char low = 0x80; // the second byte's range
    unsigned char high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        low = lead == 0xe0 ? 0xa0 : 0x80; // no overlong forms
        high = lead == 0xed ? 0x9f : 0xbf; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        low = lead == 0xf0 ? 0x90 : 0x80; // no overlong forms
        high = lead == 0xf4 ? 0x8f : 0xbf; // nothing past U+10FFFF
    } else {
        return 0;
    }
    for (int i = 1; i < length; ++i) {
        if (p + i >= end)
            return -1;
        const auto byte = static_cast<unsigned char>(p[i]);
        if (byte < (i == 1 ? low : 0x80) || byte > (i == 1 ? high : 0xbf))
            return 0;
    }
    return length;
}

} // namespace claimline

package org.finbridge.risk.sanctions.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country names as lists write them ("Iran", "Korea, North", "Burma", "Russia") to ISO 3166-1 alpha-2
 * codes, so that a list's countries can be compared with a query's.
 */
final class CountryNames {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            CODES.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
            CODES.put(key(code), code);
        }
        String[][] aliases = {
                {"russia", "RU"}, {"iran", "IR"}, {"syria", "SY"}, {"north korea", "KP"}, {"korea, north", "KP"},
                {"korea, democratic people's republic of", "KP"}, {"democratic people's republic of korea", "KP"},
                {"south korea", "KR"}, {"korea, south", "KR"}, {"republic of korea", "KR"}, {"burma", "MM"},
                {"congo, democratic republic of the", "CD"}, {"democratic republic of the congo", "CD"},
                {"congo, republic of the", "CG"}, {"republic of the congo", "CG"}, {"venezuela", "VE"},
                {"bolivia", "BO"}, {"tanzania", "TZ"}, {"laos", "LA"}, {"vietnam", "VN"}, {"viet nam", "VN"},
                {"turkey", "TR"}, {"turkiye", "TR"}, {"czech republic", "CZ"}, {"ivory coast", "CI"},
                {"cote d'ivoire", "CI"}, {"macedonia", "MK"}, {"north macedonia", "MK"}, {"moldova", "MD"},
                {"palestinian", "PS"}, {"west bank", "PS"}, {"gaza", "PS"}, {"palestine", "PS"},
                {"united states", "US"}, {"united states of america", "US"}, {"usa", "US"}, {"united kingdom", "GB"},
                {"uk", "GB"}, {"uae", "AE"}, {"bahamas, the", "BS"}, {"the bahamas", "BS"}, {"gambia, the", "GM"},
                {"the gambia", "GM"}, {"kosovo", "XK"}, {"crimea", "UA"}, {"region: crimea", "UA"},
                {"crimea region of ukraine", "UA"}, {"micronesia", "FM"}, {"brunei", "BN"}, {"cape verde", "CV"},
                {"swaziland", "SZ"}, {"hong kong", "HK"}, {"taiwan", "TW"}, {"macau", "MO"}, {"macao", "MO"},
                {"libyan arab jamahiriya", "LY"}, {"syrian arab republic", "SY"}, {"iran (islamic republic of)", "IR"},
                {"iran, islamic republic of", "IR"}, {"russian federation", "RU"}, {"lao people's democratic republic", "LA"},
                {"sudan, south", "SS"}, {"netherlands antilles", "CW"}, {"serbia and montenegro", "RS"},
                {"yugoslavia", "RS"}, {"bosnia-herzegovina", "BA"}, {"saint kitts and nevis", "KN"},
                {"saint vincent and the grenadines", "VC"}, {"st. kitts and nevis", "KN"}};
        for (String[] a : aliases) {
            CODES.put(key(a[0]), a[1]);
        }
    }

    private CountryNames() {
    }

    static Optional<String> code(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(CODES.get(key(name)));
    }

    private static String key(String name) {
        String s = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}

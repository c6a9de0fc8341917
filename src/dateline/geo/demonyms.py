"""Demonyms and adjectives of nationality -> ISO2, written for this project.

Folded forms (see :func:`dateline.geo.normalize.fold`); a plural "s" is stripped by the caller.
Ethnic or regional adjectives that name no single country (Kurdish, Arab, Baloch) are left out.
"""

from __future__ import annotations

_TABLE = """
afghan AF|afghani AF|albanian AL|algerian DZ|american US|angolan AO|argentine AR|argentinian AR
armenian AM|australian AU|austrian AT|azerbaijani AZ|azeri AZ|bahraini BH|bangladeshi BD
belarusian BY|belarussian BY|belgian BE|beninese BJ|bolivian BO|bosnian BA|botswanan BW|brazilian BR
british GB|briton GB|bulgarian BG|burkinabe BF|burkinabe BF|burmese MM|burundian BI|cambodian KH
cameroonian CM|canadian CA|central african CF|chadian TD|chilean CL|chinese CN|colombian CO
congolese CD|costa rican CR|croatian HR|cuban CU|cypriot CY|czech CZ|danish DK|djiboutian DJ
dominican DO|dutch NL|ecuadorian EC|egyptian EG|emirati AE|english GB|equatoguinean GQ|eritrean ER
estonian EE|ethiopian ET|fijian FJ|filipino PH|filipina PH|finnish FI|french FR|gabonese GA
gambian GM|georgian GE|german DE|ghanaian GH|greek GR|guatemalan GT|guinean GN|haitian HT
honduran HN|hungarian HU|icelandic IS|indian IN|indonesian ID|iranian IR|iraqi IQ|irish IE
israeli IL|italian IT|ivorian CI|jamaican JM|japanese JP|jordanian JO|kazakh KZ|kazakhstani KZ
kenyan KE|korean KR|south korean KR|north korean KP|kosovar XK|kosovan XK|kuwaiti KW|kyrgyz KG
lao LA|laotian LA|latvian LV|lebanese LB|liberian LR|libyan LY|lithuanian LT|macedonian MK
malagasy MG|malawian MW|malaysian MY|malian ML|maltese MT|mauritanian MR|mexican MX|moldovan MD
mongolian MN|montenegrin ME|moroccan MA|mozambican MZ|namibian NA|nepalese NP|nepali NP
new zealander NZ|nicaraguan NI|nigerien NE|nigerian NG|norwegian NO|omani OM|pakistani PK
palestinian PS|panamanian PA|paraguayan PY|peruvian PE|polish PL|portuguese PT|qatari QA
romanian RO|russian RU|rwandan RW|salvadoran SV|salvadorean SV|saudi SA|saudi arabian SA
scottish GB|senegalese SN|serb RS|serbian RS|sierra leonean SL|singaporean SG|slovak SK
slovenian SI|somali SO|somalian SO|south african ZA|south sudanese SS|spanish ES|sri lankan LK
sudanese SD|swazi SZ|swedish SE|swiss CH|syrian SY|taiwanese TW|tajik TJ|tajikistani TJ
tanzanian TZ|thai TH|togolese TG|trinidadian TT|tunisian TN|turkish TR|turkmen TM|ugandan UG
ukrainian UA|uruguayan UY|uzbek UZ|venezuelan VE|vietnamese VN|welsh GB|yemeni YE|yemenite YE
zambian ZM|zimbabwean ZW|somalilander SO|sahrawi EH|cameroon CM|mauritian MU|comorian KM
seychellois SC|bhutanese BT|maldivian MV|papua new guinean PG|solomon islander SB|timorese TL
luxembourgish LU|andorran AD|monegasque MC|bahamian BS|barbadian BB|belizean BZ|guyanese GY
surinamese SR|cape verdean CV|gabonese GA|bissau guinean GW|equatorial guinean GQ|lesothan LS
mosotho LS|basotho LS|motswana BW|batswana BW|ni vanuatu VU|samoan WS|tongan TO|kiribati KI
"""


def _parse(table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in table.strip().splitlines():
        for item in line.split("|"):
            word, code = item.rsplit(" ", 1)
            out[word.strip()] = code.strip()
    return out


DEMONYMS: dict[str, str] = _parse(_TABLE)

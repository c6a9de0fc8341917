"""Word-sense and rhetoric filters for trigger words, on hand-written sentences parsed by the real model.

Each rule has a sentence where the trigger is used in another sense (no event) and one where
it reports an event, so a rule that swallows real events fails here.
"""

from __future__ import annotations

import pytest

from dateline.events.senses import RULES, load_senses, other_sense, senses_from

pytestmark = pytest.mark.slow


def word(nlp, text: str, target: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == target)


OTHER_SENSE = [
    # dismissal
    ("Zhang was fired from his job after the interview.", "fired", "attack"),
    ("The newspaper fired the editor last week.", "fired", "attack"),
    # growth
    ("The rally went ahead despite exploding coronavirus cases.", "exploding", "explosion"),
    ("Officials warned of an explosion in food prices.", "explosion", "explosion"),
    ("A population explosion strained the city.", "explosion", "explosion"),
    # revocation
    ("Unions demanded the immediate withdrawal of the draft labour law.", "withdrawal", "transfer"),
    ("She withdrew from the presidential race on Monday.", "withdrew", "transfer"),
    # forced march
    ("The girls were marched into the forest at gunpoint.", "marched", "protest"),
    ("The gunmen marched the hostages to their camp.", "marched", "protest"),
    # social ills
    ("Death, unemployment, low wages and hunger are the fate of our workers.", "Death", "harm"),
    # compound modifier
    ("Riot police were deployed outside the court.", "Riot", "riot"),
    ("She received rape and death threats on social media.", "death", "harm"),
    ("The court issued an arrest warrant for the former minister.", "arrest", "arrest"),
    # negation
    ("The square was cleared without the need for any arrests.", "arrests", "arrest"),
    ("No arrests were made, police said.", "arrests", "arrest"),
    # demonstrate = show
    ("The attacks demonstrate that activists are targeted.", "demonstrate", "protest"),
    ("The video demonstrates how the police beat him.", "demonstrates", "protest"),
    # rhetoric
    ("The union described the crew as hostages of the company.", "hostages", "abduct"),
    ("He likened the reform to a massacre of jobs.", "massacre", "attack"),
    # abstract target
    ("The paper carried articles attacking caste discrimination.", "attacking", "attack"),
    ("He fought for the rights of the workers all his life.", "fought", "clash"),
    ("She faced online attacks from government supporters.", "attacks", "attack"),
    # bombard with words
    ("Officers bombarded him with insults and questions.", "bombarded", "shelling"),
    # strike idioms
    ("Striking defiance, the workers stayed home.", "Striking", "strike"),
    ("The two parties struck a deal on Friday.", "struck", "strike"),
    # media capture
    ("Soldiers were captured on camera beating students.", "captured", "capture"),
    # figurative burning
    ("Land reform remains a burning issue in the region.", "burning", "destroy"),
    # dead idioms
    ("Latin is a dead language.", "dead", "harm"),
    # engage
    ("He got engaged to a girl from his village.", "engaged", "clash"),
    ("The two sides engaged in talks in Doha.", "engaged", "clash"),
    # resting
    ("I lay down on the floor and waited.", "lay", "agreement"),
    # mobilising support
    ("He travelled to Washington to rally support for the movement.", "rally", "protest"),
    # abstract theft
    ("The opposition accused the ruling party of stealing the election.", "stealing", "loot"),
    # sentences, surrendered powers, 'off' as a preposition, a denied object
    ("He was arrested in 2002 and sentenced to death by the trial court.", "death", "harm"),
    ("The general surrendered his dictatorial powers to the king.", "surrendered", "agreement"),
    ("He worried about the country going off-track on its path to democracy.", "going", "explosion"),
    ("The convoy encountered no resistance on the road.", "encountered", "clash"),
    ("Nigeria leads African countries on the kidnapping map.", "kidnapping", "abduct"),
    # criticism, remarks, epidemics, abstract damage
    ("The government blasted the sanctions as an act of aggression.", "blasted", "attack"),
    ("The outgoing administration issued a parting shot at its rival.", "shot", "attack"),
    ("The ministry reported 4,308 new cases and 39 deaths on Monday.", "deaths", "harm"),
    ("The region has 82,412 cases of the virus with 1,145 deaths.", "deaths", "harm"),
    ("He acted with the intention of damaging their honor.", "damaging", "destroy"),
    ("Two cases captured the soul of the nation.", "captured", "capture"),
    ("Most of the deaths were from cardiac arrest.", "arrest", "arrest"),
    ("The minister died of a heart attack on Monday.", "died", "harm"),
    ("He filed a series of hard-hitting reports on the war.", "hitting", "attack"),
    ("Officials singled him out, deploying a familiar tactic.", "deploying", "change"),
    ("The army began dismantling the institutional framework of democracy.", "dismantling", "defuse"),
    ("Thatcher protested to the Federal Military Government of Nigeria over the kidnapping.", "protested", "protest"),
    ("China lodged a protest with the Japanese embassy.", "protest", "protest"),
    ("Residents have been fighting evictions for years.", "fighting", "clash"),
    ("The lethality of the virus, as demonstrated in our investigations, was high.", "demonstrated", "protest"),
    ("The crisis is hitting the country's economy.", "hitting", "attack"),
    ("The march of authoritarianism is on full display.", "march", "protest"),
    ("Police seized HK$15,670 from her wallet.", "seized", "capture"),
    ("Customs officers seized drugs and phones at the port.", "seized", "capture"),
    ("He was prosecuted on phone hacking charges.", "hacking", "attack"),
    ("The men hacked her email account last year.", "hacked", "attack"),
    ("He turned tail, beating a hasty retreat.", "beating", "attack"),
    ("Mug shot of Dr. Naty Castro after she was arrested by the police", "shot", "attack"),
    ("At least 13,540 people have died from COVID-19 in the Netherlands.", "died", "harm"),
    ("Local activists have long fought to end the practice.", "fought", "clash"),
    ("Larson has walked back almost all the allegations he made.", "walked", "gather"),
    ("He visited slaughterhouses to shoot his own footage.", "shoot", "attack"),
    ("The chef was a hard-living, tortured genius.", "tortured", "attack"),
    ("The crisis hit a flashpoint last month.", "hit", "attack"),
    ("It demolishes the attempt to prosecute him.", "demolishes", "destroy"),
    ("Fraudulent agreements were designed to rape the national treasury.", "rape", "sexual"),
    ("The newspaper engaged a forensics expert in Michigan.", "engaged", "clash"),
    ("Nigeria is dying.", "dying", "harm"),
    ("The entire country is burning.", "burning", "destroy"),
    ("The republic is long dead.", "dead", "harm"),
    ("They mourned the death of democracy.", "death", "harm"),
    ("Through her disarming sense of identification, she faced it.", "disarming", "defuse"),
    ("We stand with the people of Burma.", "stand", "gather"),
    ("Click here to join our channel and stay updated.", "join", "gather"),
    ("We will continue engaging directly with all our employees.", "engaging", "clash"),
    ("Last year state enterprises fired people for their views.", "fired", "attack"),
    ("Dozens of workers were fired.", "fired", "attack"),
    ("Toronto police executed five search warrants.", "executed", "attack"),
    ("The army released footage of a large-scale military offensive.", "released", "agreement"),
    ("The government supports the illegal whale killing.", "killing", "harm"),
    ("Dogs and cats are killed for food in many countries.", "killed", "harm"),
    ("He defended the country's anti-riot police unit.", "riot", "riot"),
    ("He pulled out of his pocket a nonsense definition.", "pulled", "transfer"),
    ("The strike was sabotaged by the union leaders.", "sabotaged", "destroy"),
    ("Member states should explore targeted sanctions.", "targeted", "attack"),
    ("The opposition demonstrated it would not launch any serious fight for democracy.", "demonstrated", "protest"),
    ("I resisted and luckily destroyed these accusations very quickly.", "destroyed", "destroy"),
]

EVENTS = [
    ("Soldiers fired on the crowd, killing two.", "fired", "attack"),
    ("He was fired at by soldiers near the checkpoint.", "fired", "attack"),
    ("Police fired tear gas at the protesters.", "fired", "attack"),
    ("A bomb exploded near the market in Maiduguri.", "exploded", "explosion"),
    ("An explosion in the market killed six people.", "explosion", "explosion"),
    ("The army completed its withdrawal from the town of Kherson.", "withdrawal", "transfer"),
    ("Thousands of teachers marched to parliament on Monday.", "marched", "protest"),
    ("The attack caused the death of three soldiers and two civilians.", "death", "harm"),
    ("Protesters blocked the road after a bomb attack on the bus.", "bomb", "bombing"),
    ("Police made 40 arrests after the rally.", "arrests", "arrest"),
    ("Thousands demonstrated to demand his release.", "demonstrated", "protest"),
    ("Witnesses heard what sounded like an explosion.", "explosion", "explosion"),
    ("Gunmen attacked a court in the city, killing a guard.", "attacked", "attack"),
    ("Heavy fighting erupted as troops fought the rebels.", "fought", "clash"),
    ("Rebels bombarded the town with rockets.", "bombarded", "shelling"),
    ("Striking workers blocked the port.", "Striking", "strike"),
    ("A missile struck a residential building.", "struck", "strike"),
    ("Rebels captured the town of Kidal.", "captured", "capture"),
    ("Protesters were burning tyres in the street.", "burning", "destroy"),
    ("Three farmers were shot dead on Monday.", "dead", "harm"),
    ("Troops engaged with militants near the border.", "engaged", "clash"),
    ("Two hundred fighters laid down their weapons.", "laid", "agreement"),
    ("The opposition rallied thousands of supporters in the capital.", "rallied", "protest"),
    ("Gunmen stole cattle from the village.", "stole", "loot"),
    ("The militia was accused of stealing livestock and of burning homes.", "stealing", "loot"),
    ("Rioters marched through the town.", "marched", "protest"),
    ("About 300 people were seen marching this past Saturday in Washington.", "marching", "protest"),
    ("The bomb went off in a crowded market.", "went", "explosion"),
    ("The rebels surrendered their weapons to the army.", "surrendered", "agreement"),
    ("Gunmen killed the judge who had sentenced him to prison.", "killed", "harm"),
    ("Troops encountered fierce resistance near the bridge.", "encountered", "clash"),
    ("Some blamed the attack on the far-right.", "attack", "attack"),
    ("Residents organized a protest camp outside the clinic.", "protest", "protest"),
    ("Ministers considered the bombing outrages of the day.", "bombing", "bombing"),
    ("A bomb blast destroyed the police station.", "destroyed", "destroy"),
    ("Police fired a shot at the car.", "shot", "attack"),
    ("The clashes left 12 deaths and dozens of injuries.", "deaths", "harm"),
    ("Rebels blasted the bridge with explosives.", "blasted", "attack"),
    ("Police arrested him at his house on Monday.", "arrested", "arrest"),
    ("The town was hit hard by shelling on Monday.", "hit", "attack"),
    ("A rocket hit a school in the city.", "hit", "attack"),
    ("Rebels seized the town and its airport.", "seized", "capture"),
    ("Thousands joined the march on parliament.", "march", "protest"),
    ("Troops fought to retake the town from the rebels.", "fought", "clash"),
    ("Three protesters died from gunshot wounds.", "died", "harm"),
    ("Two soldiers died from the attack on the base.", "died", "harm"),
    ("The tortured prisoners were released on Monday.", "tortured", "attack"),
    ("Gunmen shot the driver near the market.", "shot", "attack"),
    ("Three villagers are dying of their wounds.", "dying", "harm"),
    ("The market in Kano was burning after the attack.", "burning", "destroy"),
    ("He was found dead in Kano.", "dead", "harm"),
    ("Thousands joined the protesters outside parliament.", "joined", "gather"),
    ("Workers stood outside the factory gates.", "stood", "gather"),
    ("Soldiers fired dozens of rounds at the car.", "fired", "attack"),
    ("The rebels executed three prisoners on Monday.", "executed", "attack"),
    ("The gunmen released two hostages on Sunday.", "released", "agreement"),
    ("Bandits killed ten villagers and their cattle.", "killed", "harm"),
    ("Police found the dead bodies of two men.", "dead", "harm"),
    ("The army completed its pull out of the town.", "pull", "transfer"),
    ("Militants sabotaged the pipeline near the town.", "sabotaged", "destroy"),
    ("A targeted attack killed the commander.", "targeted", "attack"),
    ("Attackers hacked him to death with machetes.", "hacked", "attack"),
    ("Soldiers beat the students with batons.", "beat", "attack"),
    ("They were involved in kidnappings, murders and other violent crimes.", "kidnappings", "abduct"),
    ("A London student recounts her torture horror in an Iranian prison.", "torture", "attack"),
    ("Engineers dismantled the bomb before it exploded.", "dismantled", "defuse"),
    ("The army deployed troops to the border.", "deployed", "change"),
    ("Students protested outside the ministry on Monday.", "protested", "protest"),
    ("Farmers marched to the capital to protest against the new law.", "protest", "protest"),
    ("India: Tyre factory workers in Tamil Nadu strike MRF tyre factory workers at Chennai downed tools.", "strike", "strike"),
    ("Pakistan: Sindh hospital nurses demonstrate in Karachi Nurses Association members are maintaining a protest.",
     "demonstrate", "protest"),
]


@pytest.mark.parametrize("text, target, key", OTHER_SENSE)
def test_a_trigger_in_another_sense_is_no_event(nlp, text, target, key):
    assert other_sense(word(nlp, text, target), key)


@pytest.mark.parametrize("text, target, key", EVENTS)
def test_a_trigger_reporting_an_event_is_kept(nlp, text, target, key):
    assert not other_sense(word(nlp, text, target), key)


def test_every_rule_reads_only_lists_that_exist():
    data = load_senses()
    for block in data.blocks.values():
        assert all(isinstance(v, frozenset) and v for v in block.values())
    assert len(RULES) >= 15


def test_a_user_can_extend_a_list():
    custom = senses_from({"dead_idioms": {"words": ["dead"], "things": ["parrot"]}})
    assert custom("dead_idioms", "things") == frozenset({"parrot"})



def subs(pipe, body: str) -> list[str]:
    text = f"date 2021-03-01 Example Wire, LAGOS\n\n{body}\n"
    return [e["sub_event_type"] for e in pipe.analyze(text).to_dict()["events"]]


def test_long_news_rhetoric_gives_no_events(pipe):
    body = ("Zhang was fired from his job in 2019. Workers rallied on Monday in Lagos despite exploding "
            "coronavirus cases, demanding the withdrawal of the draft labour law. The square was "
            "cleared without the need for any arrests.")
    found = subs(pipe, body)
    assert "Attack" not in found and "Remote explosive/landmine/IED" not in found
    assert "Arrests" not in found and "Non-violent transfer of territory" not in found


def test_a_real_shooting_after_a_dismissal_is_still_coded(pipe):
    body = "The editor was fired from his job on Friday. On Monday, gunmen shot dead two police officers in Lagos."
    assert "Attack" in subs(pipe, body) or "Armed clash" in subs(pipe, body)

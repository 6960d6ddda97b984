"""Common given names and surnames in the United States, lower case: evidence that a capitalised word is a name.

spaCy's small model misses many names (it files "Tomomi Nishiyama" and "Enrico" under ORG, and tags nothing
at all in "Directed By: Johannes Varvio"). A word in these lists is evidence it did not need to see. The lists
are deliberately broad (Anglo, Hispanic, African American, West African, South and East Asian, Arabic,
Slavic and Nordic names are all common in US clinics) but not exhaustive: they add recall, they are not the
only way a name is found.

A name that is also an everyday word ("Will", "Grace", "Brown", "Park") is AMBIGUOUS: alone it proves
nothing, so it counts only beside another name part or where a cue says a name follows.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GIVEN_NAMES = _words(
    """
    aaliyah aaron abby abdul abdullah abel abigail abraham ada adam adaeze adrian adriana adrienne agnes ahmad
    ahmed aidan aiden aisha alan albert alberto alejandra alejandro alex alexa alexander alexandra alexis alfonso
    alfred alfredo ali alice alicia alina alison allison alma alvin amanda amara amber amelia amina amir amit amy
    ana anders andre andrea andres andrew angel angela angelica angelina angie anil anita ann anna annabelle anne
    annette annie anthony antoine antonio april aria ariana arjun arlene armando arnold arthur arturo asha ashley
    ashok astrid aubrey audrey austin ava avery ayesha barbara barry beatrice beatriz becky ben benjamin bernadette
    bernard bernice beth bethany betty beverly bianca bill billy blake bob bobby bonnie brad bradley brandi brandon
    brenda brendan brent brett brian briana brianna bridget brittany brooke bruce bryan bryce byron caitlin caleb
    callum calvin camila cameron camille candace cara carl carla carlos carly carmen carol carole caroline carolyn
    carrie casey cassandra catherine cathy cecilia cedric celeste celia chad chandra charlene charles charlie
    charlotte chelsea cheryl chidi chinedu chioma chloe chris christian christina christine christopher chuck cindy
    claire clara clarence claudia clayton clifford clint clinton cody colin colleen connie connor constance cora
    corey cory courtney craig cristina crystal curtis cynthia daisy dale dalia dallas damian damon dan dana daniel
    daniela danielle danny daphne darius darlene darnell darren darryl dave david dawn dean deanna debbie deborah
    debra deepak deirdre delia delores denise dennis derek derrick desiree desmond devin devon dexter diana diane
    diego dina dmitri dolores dominic dominique don donald donna dora doreen doris dorothy doug douglas duane dustin
    dwayne dwight dylan earl ebony eddie edgar edith edna eduardo edward edwin eileen elaine eleanor elena eli
    elias elif elijah elisa elisabeth elise eliza elizabeth ella ellen ellie elliot elmer eloise elsa elsie emeka
    emil emilia emily emma emmanuel enrique eric erica erik erin ernest ernesto esperanza esteban esther ethan
    eugene eunice eva evan evelyn everett ezra fabian faith farah farid fatima felicia felipe felix fernando fiona
    florence floyd frances francesca francine francis francisco frank frankie franklin fred freddie frederick
    gabriel gabriela gabrielle gail gary gavin gena gene geneva geoffrey george georgia gerald geraldine gerardo
    gilbert gina giovanni gladys glen glenda glenn gloria gordon grace graham grant greg gregory greta guadalupe
    guillermo gunnar gustavo gwen gwendolyn hailey hakim haley hamid hannah harold harriet harry harvey hassan
    hazel heather hector heidi helen helena henrik henry herbert herman hilda holly howard hugo hussein ian ibrahim
    ida ignacio imani imelda ines ingrid irene iris irma isaac isabel isabella isaiah ismael ivan ivy jack jackie
    jackson jacob jacqueline jada jaime jake jamal james jamie jane janet janice jared jasmine jason javier
    jay jayden jean jeanette jeanne jeff jeffrey jenna jennifer jenny jeremiah jeremy jermaine jerome jerry jesse
    jessica jesus jill jim jimmy jo joan joann joanna joanne joaquin jocelyn jodi jody joe joel joey johanna john
    johnny jon jonathan jordan jorge jose josef joseph josephine josh joshua josue joy joyce juan juanita judith
    judy julia julian juliana julie julio june justin kaitlyn kamala kara karen kari karina karl kate katelyn
    katherine kathleen kathryn kathy katie katrina kay kayla keiko keith kelly kelvin ken kendra kenneth kenny
    kent kerry kevin khalid kim kimberly kirk kofi krista kristen kristin kristina kristy kumar kurt kwame kyle
    lakisha lamar lance lara larry latasha latisha latoya laura lauren laurie lawrence leah lee leila lena leo
    leon leonard leonardo leroy leslie leticia lewis liam lila lillian lily linda lindsay lindsey lionel lisa liz
    lizbeth logan lois lola lonnie lora lorena lorenzo loretta lori lorraine louis louise lucas lucia lucille
    lucinda lucy luis luisa luke luz lydia lynn mabel mackenzie madeline madison mae maggie malcolm malik mandy
    manuel marc marcel marcia marco marcos marcus margaret margarita marguerite maria mariah marian marianne
    maribel marie marilyn marina mario marion marisa marisela marisol marjorie mark marlene marsha marshall
    martha martin marvin mary mason mateo matthew maureen maurice max maxine maya megan mehmet melanie melinda
    melissa melody melvin mercedes meredith mia micah michael michele michelle miguel mike mildred miles milton
    mindy miranda miriam misty mitchell mohamed mohammad mohammed molly monica monique morgan moses muhammad
    myra myrna myron nadia nancy naomi natalia natalie natasha nathan nathaniel neil nelson nicholas nichole
    nicole nikhil nikita nina noah noel nora norma norman nuno obinna octavia odette olga olivia omar oscar owen
    pablo paige pamela pat patricia patrick patsy patty paul paula pauline pedro peggy penny percy perry pete
    peter philip phillip phyllis pierre piotr pradeep pranav preston priscilla priya rachel rafael rahul raj
    rajesh ralph ramon ramona randall randy raquel rashid raul ray raymond rebecca regina reginald renee rhonda
    ricardo richard rick ricky rita rob robert roberta roberto robin rochelle rodney rodrigo roger roland
    rolando ron ronald ronnie rosa rosalind rosalyn rose rosemary ross roxanne roy ruben ruby rudy russell ruth
    ryan sabrina sadie salvador sam samantha samir samuel sandra sandy sanjay santiago sara sarah sasha saul
    savannah scott sean sergio seth shana shane shanice shannon shanti sharon shaun shauna shawn sheila shelby
    shelley sheri sherri sherry shirley sidney silvia simon simone sofia sonia sonya sophia sophie stacey stacy
    stanley stefan stella stephanie stephen steve steven stuart sue sunil susan suzanne sydney sylvia tamara
    tameka tami tammy tanisha tanya tara tasha ted teresa terrance terrell terrence terri terry thelma theodore
    theresa thomas tiffany tim timothy tina toby todd tom tomas tomasz tommy toni tony tonya tracey traci tracy
    travis trevor tricia trina troy tyler tyrone uriel valentina valerie vanessa vera vernon veronica vicki
    vicky victor victoria vijay vince vincent viola violet virginia vivian vivienne wade walter wanda warren
    wayne wei wendell wendy wesley whitney wilfred willa william willie wilma winifred xavier ximena yasmin
    yesenia yolanda yusuf yvette yvonne zachary zainab zoe zora
    """
)

SURNAMES = _words(
    """
    abbott abernathy acevedo acosta adams adeyemi aguilar aguirre ahmed alexander ali allen alvarado alvarez
    anderson andrews armstrong arnold ashby atkins austin avila ayala bailey baker baldwin ballard banerjee
    barajas barber barker barnes barnett barrera barrett barton bates bauer baxter becker bell benitez bennett
    benson bentley berg bernard berry bhatt bishop black blackwell blair blake boateng bolton bowen bowers
    bowman boyd boyer boyle bradley brady brandt brennan brewer bridges briggs brock brooks brown bryant
    buchanan burgess burke burns burton bush butler byrd caldwell calderon camacho campbell campos cannon
    cardenas carey carlson carpenter carr carroll carson carter castaneda castellanos castillo castro chambers
    chan chandler chang chapman chaudhry chavez chen cho choi christensen clark clarke cline cobb cochran cohen
    cole coleman collier collins colon conner conrad contreras conway cook cooper cortez costa cox craig
    crawford cross cruz cummings cunningham curry curtis dalton daniel daniels das davenport davidson davis
    dawson day dean decker delacroix delgado deluca dempsey desai diaz dickerson dixon dominguez donovan dorsey
    douglas doyle drake duffy duncan dunn duran dyer eaton edwards elliott ellis emerson erickson eriksen
    espinoza estrada evans everett farmer farrell ferguson fernandez ferreira fields figueroa finley fischer
    fitzgerald fleming fletcher flores flowers floyd flynn foley ford foster fowler fox francis franco frank
    franklin frazier freeman friedman fuentes fuller gallagher gallegos galloway garcia gardner garner garrett
    garza gates george gibbs gibson gilbert gill gilmore gomez gonzales gonzalez goodman goodwin gordon gould
    graham grant gray greene greer gregory griffin griffith gross guerrero gupta gutierrez guzman haddad hahn
    hale haley hall hamilton hammond hampton hancock hansen hanson hardy harmon harper harrington harris
    harrison hart hartman harvey hawkins hayes haynes heath henderson hendricks henry hernandez herrera hess
    hicks higgins hill hines hodge hodges hoffman hogan holland holloway holmes holt hopkins horton houston
    howard howell hubbard hudson huff huang huber hughes hunt hunter hussain ibarra ingram ishikawa iwasaki
    jackson jacobs jacobson james jankowski jenkins jennings jensen jimenez johnson johnston jones jordan joseph
    joshi joyce juarez kaplan kaur keller kelley kelly kennedy khan kim king kirby klein knight koch kowalczyk
    kowalski kramer kuhn kumar lachance lam lambert lane lang larsen larson lawrence lawson le lee leon leonard
    levy lewis li lin lindqvist lindsey little liu lloyd logan long lopez love lowe lucas luna lynch lyons
    macdonald mack madden maldonado malone mann manning marin marks marquez marsh marshall martin martinez
    mason mathews matthews maxwell may mccarthy mccoy mcdaniel mcdonald mcgee mckenzie mckinney mclaughlin
    mcmahon medina mehta meier mejia melendez mendez mendoza mercado meyer meyers miles miller mills miranda
    mitchell molina montgomery moody moon moore mora morales moran moreno morgan morris morrison morrow moss
    mueller mullins munoz murphy murray myers nakamura nakashima nash navarro nelson newman newton ng nguyen
    nichols nielsen nixon noble nolan norman norris novak nunez nwachukwu nwosu obrien oconnor odom okafor
    okonkwo oliver olsen olson omalley oneal oneill ortega ortiz osborne osei owen owens pacheco padilla
    palmer park parker parks parsons patel patrick patterson patton paul payne pearson pena perez perkins
    perry peters petersen peterson pham phelps phillips pierce pittman poole pope porter potter powell powers
    pratt price quinn quintero ramirez ramos rao randall randolph rasmussen ray reddy reed reese reeves reid
    reyes reynolds rhodes rice richards richardson riley rios rivas rivera roberts robertson robinson robles
    rodgers rodriguez rogers rojas roman romero rosales rose ross roth rowe roy rubio ruiz rush russell ryan
    salazar salinas sanchez sanders sandoval santiago santos saunders savage schmidt schneider schroeder
    schultz schwartz scott sellers serrano shaffer shah shannon sharma sharp shaw shelton shepherd sherman
    shields simmons simon simpson sims singh skinner sloan small smith snow snyder solis soto sparks spencer
    stanley steele stein stephens stevens stewart stone strickland sullivan sutton suzuki swanson takahashi
    tanaka tate taylor terry thomas thompson thornton todd torres townsend tran tucker turner tyler underwood
    valdez valencia vance vargas vasquez vaughn vazquez vega velasquez venkataraman villalobos wade wagner
    walker wallace walsh walters walton wang ward warner warren washington waters watkins watson watts weaver
    webb weber webster weiss welch wells west wheeler whitaker white whitfield wiggins wilcox wilkerson
    wilkins williams williamson willis wilson winters wise wolf wolfe wong wood woods wright wu yang yates
    yoder young yu zamora zhang zhao zimmerman
    """
)

# Names that are also everyday words or eponyms: never evidence alone.
AMBIGUOUS_NAMES = _words(
    """
    will bill mark frank grace hope faith joy june may april august dawn crystal amber ruby ivy holly daisy
    lily iris violet heather jasmine hazel rose rosemary pat sue don dean art chase hunter grant price king
    young bush rice long white black brown green gray grey wood woods hill lane park parks hall rich cook baker
    miller turner walker fisher porter mason taylor parker ward bell banks fields marsh nash pope power powers
    hart love little small wise strong sharp moon snow stone day west north south east cross ray lee le may
    mills moss rush sparks flowers waters gates bridges cannon fox wolf wolfe savage noble free freeman joseph
    summer autumn chance sterling miles major minor page penny paige carter washington houston dallas georgia
    virginia jordan tyler logan morgan austin lincoln madison florence sydney china india israel eli gill
    graves wilson addison parkinson crohn hodgkin bowen barrett cushing paget raynaud reed doyle drake
    gene sandy jack jay dale glen lance max wade rob bob chuck misty hunt hale moody hardy chambers burns
    shields ford curry knight pierce noel sharon angel christian
    """
)

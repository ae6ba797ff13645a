// Name pools for the generated clinic: the mix of scripts and spellings a
// European or North American clinic actually registers, so search, sorting,
// folding ("muller" finds "Müller") and PDF fonts are exercised the way real
// data exercises them. Each culture has its own given and family names
// (feminine family forms where the language has them), phone prefix and a
// chance that the patient gave an e-mail address.

export interface NameCulture {
  id: string
  /** Relative share of patients. */
  weight: number
  female: readonly string[]
  male: readonly string[]
  familyFemale: readonly string[]
  familyMale: readonly string[]
  phonePrefix: string
  /** Latin-script names make readable e-mail addresses; others use a plain one. */
  latin: boolean
}

const same = (list: readonly string[]): [readonly string[], readonly string[]] => [list, list]

const [enF, enM] = same(['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed'])
const [deF, deM] = same(['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Köhler', 'Groß', 'Jäger', 'Weiß', 'Böhm', 'Günther', 'Lößner'])
const [frF, frM] = same(['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martínez', 'Légaré', 'Bélanger', 'Côté', 'Gagné', 'Pâquet'])
const [esF, esM] = same(['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Suárez', 'Núñez', 'Ibáñez', 'Peña', 'Castaño', 'Ordóñez'])

export const NAME_CULTURES: readonly NameCulture[] = [
  {
    id: 'en',
    weight: 30,
    female: ['Emma', 'Olivia', 'Sophia', 'Isabella', 'Charlotte', 'Amelia', 'Harper', 'Evelyn', 'Abigail', 'Emily', 'Elizabeth', 'Sofia', 'Avery', 'Ella', 'Scarlett', 'Grace', 'Chloe', 'Victoria', 'Riley', 'Aria', 'Lily', 'Hannah', 'Zoë', 'Nora', 'Layla', 'Brooklyn', 'Ellie', 'Claire', 'Madison', 'Audrey', 'Sarah', 'Jennifer', 'Michelle', 'Karen', 'Laura', 'Rebecca', 'Megan', 'Rachel', 'Siobhán', 'Niamh', 'Aoife', 'Caoimhe'],
    male: ['Liam', 'Noah', 'James', 'William', 'Benjamin', 'Lucas', 'Henry', 'Alexander', 'Mason', 'Michael', 'Ethan', 'Daniel', 'Jacob', 'Logan', 'Jackson', 'Sebastian', 'Jack', 'Owen', 'Samuel', 'Matthew', 'David', 'Joseph', 'Ryan', 'Nathan', 'Seán', 'Ciarán'],
    familyFemale: [...enF, "O'Connor", "O'Brien", 'McCarthy', 'Ó Súilleabháin', 'MacDonald', 'Fitzgerald'],
    familyMale: [...enM, "O'Connor", "O'Brien", 'McCarthy', 'Ó Súilleabháin', 'MacDonald', 'Fitzgerald'],
    phonePrefix: '+1',
    latin: true,
  },
  {
    id: 'de',
    weight: 10,
    female: ['Anna', 'Lena', 'Julia', 'Katharina', 'Sophie', 'Marie', 'Laura', 'Lea', 'Hannah', 'Jana', 'Sabine', 'Ursula', 'Gerlinde', 'Birgit', 'Gisela', 'Jutta', 'Dörte', 'Bärbel', 'Anneliese', 'Käthe', 'Renée', 'Ilse', 'Heike', 'Monika', 'Franziska'],
    male: ['Lukas', 'Jonas', 'Felix', 'Maximilian', 'Leon', 'Paul', 'Hans', 'Jürgen', 'Jörg', 'Uwe', 'Günter', 'Björn', 'Sören', 'Matthias', 'Klaus', 'Dieter', 'Stefan'],
    familyFemale: deF,
    familyMale: deM,
    phonePrefix: '+49',
    latin: true,
  },
  {
    id: 'fr',
    weight: 8,
    female: ['Léa', 'Chloé', 'Manon', 'Camille', 'Inès', 'Jade', 'Louise', 'Zoé', 'Maëlle', 'Océane', 'Élodie', 'Hélène', 'Cécile', 'Anaïs', 'Noémie', 'Mélanie', 'Sévérine', 'Françoise', 'Geneviève', 'Béatrice', 'Agnès', 'Gaëlle'],
    male: ['Lucas', 'Hugo', 'Théo', 'Louis', 'Raphaël', 'Jérôme', 'Stéphane', 'Frédéric', 'Benoît', 'François', 'Gaël', 'Noël', 'Loïc', 'Cédric', 'Rémi'],
    familyFemale: frF,
    familyMale: frM,
    phonePrefix: '+33',
    latin: true,
  },
  {
    id: 'es',
    weight: 9,
    female: ['María', 'Lucía', 'Sofía', 'Martina', 'Paula', 'Valentina', 'Ximena', 'Camila', 'Daniela', 'Alejandra', 'Inés', 'Begoña', 'Pilar', 'Rocío', 'Concepción', 'Nuria', 'Ángela', 'Mónica', 'Verónica', 'Marisol', 'María José', 'Ana Belén'],
    male: ['José', 'Hugo', 'Mateo', 'Martín', 'Lucas', 'Andrés', 'Joaquín', 'Ramón', 'Jesús', 'Íñigo', 'Álvaro', 'Sebastián', 'Juan Carlos', 'Fernando'],
    familyFemale: [...esF, ...esF.slice(0, 12).map((f, i) => `${f} ${esF[(i * 7 + 3) % esF.length]}`)],
    familyMale: [...esM, ...esM.slice(0, 12).map((f, i) => `${f} ${esM[(i * 5 + 1) % esM.length]}`)],
    phonePrefix: '+34',
    latin: true,
  },
  {
    id: 'pl',
    weight: 4,
    female: ['Małgorzata', 'Agnieszka', 'Katarzyna', 'Zofia', 'Łucja', 'Joanna', 'Grażyna', 'Bożena', 'Jadwiga', 'Żaneta', 'Wiesława', 'Dorota'],
    male: ['Łukasz', 'Paweł', 'Michał', 'Wojciech', 'Grzegorz', 'Przemysław', 'Jarosław', 'Zdzisław'],
    familyFemale: ['Nowak', 'Kowalska', 'Wiśniewska', 'Wójcik', 'Kowalczyk', 'Kamińska', 'Lewandowska', 'Zielińska', 'Szymańska', 'Woźniak', 'Dąbrowska', 'Kozłowska', 'Jankowska', 'Mazur', 'Krawczyk', 'Piątek', 'Grabowska', 'Pawłowska', 'Michalska', 'Król', 'Wieczorek', 'Jabłońska', 'Wróbel', 'Żak'],
    familyMale: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Krawczyk', 'Piątek', 'Grabowski', 'Pawłowski', 'Michalski', 'Król', 'Wieczorek', 'Jabłoński', 'Wróbel', 'Żak'],
    phonePrefix: '+48',
    latin: true,
  },
  {
    id: 'cs',
    weight: 2,
    female: ['Tereza', 'Eliška', 'Anežka', 'Kateřina', 'Lucie', 'Markéta', 'Věra', 'Jiřina', 'Zdeňka', 'Růžena'],
    male: ['Jiří', 'Tomáš', 'Lukáš', 'Ondřej', 'Radek', 'Přemysl', 'Vojtěch'],
    familyFemale: ['Nováková', 'Svobodová', 'Novotná', 'Dvořáková', 'Černá', 'Procházková', 'Kučerová', 'Veselá', 'Horáková', 'Němcová', 'Pokorná', 'Marešová', 'Růžičková', 'Šťastná'],
    familyMale: ['Novák', 'Svoboda', 'Novotný', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Horák', 'Němec', 'Pokorný', 'Mareš', 'Růžička', 'Šťastný'],
    phonePrefix: '+420',
    latin: true,
  },
  {
    id: 'nordic',
    weight: 3,
    female: ['Ingrid', 'Åsa', 'Astrid', 'Sigrún', 'Þórunn', 'Guðrún', 'Märta', 'Linnéa', 'Maja', 'Freja', 'Solveig', 'Ragnhild'],
    male: ['Björn', 'Søren', 'Øyvind', 'Åke', 'Jökull', 'Ólafur', 'Henrik', 'Mikael', 'Erik', 'Anders'],
    familyFemale: ['Sørensen', 'Ødegaard', 'Åberg', 'Jónsdóttir', 'Guðmundsdóttir', 'Lindqvist', 'Bergström', 'Löfgren', 'Nyström', 'Hæstad', 'Kjærgaard', 'Østergaard', 'Håkansson', 'Järvinen', 'Mäkinen', 'Virtanen'],
    familyMale: ['Sørensen', 'Ødegaard', 'Åberg', 'Jónsson', 'Guðmundsson', 'Lindqvist', 'Bergström', 'Löfgren', 'Nyström', 'Hæstad', 'Kjærgaard', 'Østergaard', 'Håkansson', 'Järvinen', 'Mäkinen', 'Virtanen'],
    phonePrefix: '+45',
    latin: true,
  },
  {
    id: 'tr',
    weight: 3,
    female: ['Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Şule', 'Gülşen', 'Özlem', 'Çiğdem', 'Ebru', 'İpek'],
    male: ['Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'İbrahim', 'Çağrı', 'Oğuz', 'Ümit'],
    familyFemale: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek'],
    familyMale: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek'],
    phonePrefix: '+90',
    latin: true,
  },
  {
    id: 'vi',
    weight: 3,
    female: ['Thị Lan', 'Thị Hương', 'Ngọc Anh', 'Thu Trang', 'Phương Linh', 'Thị Mai', 'Hồng Nhung', 'Bảo Ngọc', 'Thùy Dương', 'Khánh Huyền'],
    male: ['Văn Minh', 'Đức Anh', 'Quốc Bảo', 'Hoàng Long', 'Thành Đạt', 'Văn Hùng'],
    familyFemale: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'],
    familyMale: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'],
    phonePrefix: '+84',
    latin: true,
  },
  {
    id: 'el',
    weight: 4,
    female: ['Ελένη', 'Μαρία', 'Αικατερίνη', 'Βασιλική', 'Σοφία', 'Αγγελική', 'Δήμητρα', 'Γεωργία', 'Ευαγγελία', 'Χριστίνα', 'Ιωάννα', 'Παρασκευή', 'Ζωή', 'Αθηνά'],
    male: ['Γιώργος', 'Δημήτρης', 'Κωνσταντίνος', 'Νίκος', 'Γιάννης', 'Χρήστος', 'Παναγιώτης', 'Βασίλης', 'Αθανάσιος'],
    familyFemale: ['Παπαδοπούλου', 'Παπαδάκη', 'Γεωργίου', 'Οικονόμου', 'Νικολάου', 'Καραγιάννη', 'Βασιλείου', 'Μακρή', 'Παππά', 'Αντωνίου', 'Δημητρίου', 'Ιωάννου', 'Κωνσταντίνου', 'Αλεξίου', 'Σταυροπούλου', 'Χατζηδάκη'],
    familyMale: ['Παπαδόπουλος', 'Παπαδάκης', 'Γεωργίου', 'Οικονόμου', 'Νικολάου', 'Καραγιάννης', 'Βασιλείου', 'Μακρής', 'Παππάς', 'Αντωνίου', 'Δημητρίου', 'Ιωάννου', 'Κωνσταντίνου', 'Αλεξίου', 'Σταυρόπουλος', 'Χατζηδάκης'],
    phonePrefix: '+30',
    latin: false,
  },
  {
    id: 'ru',
    weight: 6,
    female: ['Ольга', 'Анна', 'Мария', 'Елена', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Екатерина', 'Юлия', 'Анастасия', 'Дарья', 'Ксения', 'Алёна', 'Людмила', 'Оксана', 'Ганна'],
    male: ['Александр', 'Сергей', 'Дмитрий', 'Андрей', 'Алексей', 'Максим', 'Иван', 'Михаил', 'Артём', 'Олег', 'Юрій'],
    familyFemale: ['Иванова', 'Смирнова', 'Кузнецова', 'Попова', 'Васильева', 'Петрова', 'Соколова', 'Михайлова', 'Новикова', 'Фёдорова', 'Морозова', 'Волкова', 'Алексеева', 'Лебедева', 'Семёнова', 'Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Мельник'],
    familyMale: ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Мельник'],
    phonePrefix: '+7',
    latin: false,
  },
  {
    id: 'ar',
    weight: 4,
    female: ['فاطمة', 'مريم', 'نور', 'ليلى', 'سارة', 'زينب', 'عائشة', 'هدى', 'ياسمين', 'رنا', 'سلمى', 'دينا'],
    male: ['محمد', 'أحمد', 'علي', 'عمر', 'يوسف', 'خالد', 'حسن', 'إبراهيم'],
    ...((): { familyFemale: string[]; familyMale: string[] } => {
      const f = ['العلي', 'الحسن', 'المصري', 'الخطيب', 'حداد', 'نصار', 'الشامي', 'عبد الله', 'السيد', 'منصور', 'الزين', 'قاسم', 'حمدان', 'البكري']
      return { familyFemale: f, familyMale: f }
    })(),
    phonePrefix: '+961',
    latin: false,
  },
  {
    id: 'he',
    weight: 1,
    female: ['נועה', 'תמר', 'מיכל', 'יעל', 'שירה', 'רחל', 'אורית'],
    male: ['דוד', 'יוסף', 'משה', 'אברהם', 'איתי'],
    familyFemale: ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'אברהם', 'פרידמן', 'שפירא'],
    familyMale: ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'אברהם', 'פרידמן', 'שפירא'],
    phonePrefix: '+972',
    latin: false,
  },
  {
    id: 'zh',
    weight: 4,
    female: ['秀英', '丽', '敏', '静', '丽华', '婷', '雪梅', '慧', '玉兰', '晓燕', '欣怡', '梓涵'],
    male: ['伟', '强', '磊', '军', '洋', '勇', '杰', '浩然'],
    familyFemale: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '欧阳', '司马'],
    familyMale: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '欧阳', '司马'],
    phonePrefix: '+86',
    latin: false,
  },
  {
    id: 'ja',
    weight: 3,
    female: ['陽菜', '結衣', 'さくら', '美咲', '葵', '愛子', '由美', '恵子', 'あかり', '真由美', 'ひなた'],
    male: ['翔太', '大輝', '健一', '拓也', '蓮', '悠斗'],
    familyFemale: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '松本', '井上'],
    familyMale: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '松本', '井上'],
    phonePrefix: '+81',
    latin: false,
  },
  {
    id: 'ko',
    weight: 2,
    female: ['서연', '지우', '민서', '하은', '지민', '수빈', '예린', '유진', '혜원'],
    male: ['민준', '서준', '도윤', '현우', '지호'],
    familyFemale: ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오'],
    familyMale: ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오'],
    phonePrefix: '+82',
    latin: false,
  },
  {
    id: 'hi',
    weight: 2,
    female: ['प्रिया', 'अनन्या', 'दिव्या', 'पूजा', 'नेहा', 'कविता', 'सुनीता', 'अंजलि'],
    male: ['राहुल', 'अमित', 'विजय', 'संजय', 'अर्जुन'],
    familyFemale: ['शर्मा', 'वर्मा', 'गुप्ता', 'सिंह', 'पटेल', 'कुमार', 'अग्रवाल', 'जोशी', 'मेहता', 'रघुनाथन'],
    familyMale: ['शर्मा', 'वर्मा', 'गुप्ता', 'सिंह', 'पटेल', 'कुमार', 'अग्रवाल', 'जोशी', 'मेहता', 'रघुनाथन'],
    phonePrefix: '+91',
    latin: false,
  },
  {
    id: 'in-latin',
    weight: 2,
    female: ['Priya', 'Ananya', 'Divya', 'Pooja', 'Neha', 'Kavitha', 'Lakshmi', 'Shreya'],
    male: ['Rahul', 'Amit', 'Vijay', 'Sanjay', 'Arjun', 'Karthik'],
    familyFemale: ['Sharma', 'Patel', 'Gupta', 'Singh', 'Raghunathan', 'Iyer', 'Nair', 'Reddy', 'Krishnamurthy', 'Banerjee', 'Chatterjee'],
    familyMale: ['Sharma', 'Patel', 'Gupta', 'Singh', 'Raghunathan', 'Iyer', 'Nair', 'Reddy', 'Krishnamurthy', 'Banerjee', 'Chatterjee'],
    phonePrefix: '+44',
    latin: true,
  },
  {
    id: 'africa',
    weight: 2,
    female: ['Ama', 'Abena', 'Adaeze', 'Chiamaka', 'Ngozi', 'Nkechi', 'Amara', 'Wanjiru', 'Thandiwe', 'Zanele'],
    male: ['Kwame', 'Kofi', 'Chinedu', 'Oluwaseun', 'Tendai', 'Sipho'],
    familyFemale: ['Mensah', 'Owusu', 'Boateng', 'Okafor', 'Adeyemi', 'Okonkwo', 'Nwosu', 'Kamau', 'Dlamini', 'Ndlovu', 'Mwangi', 'Adébáyọ̀'],
    familyMale: ['Mensah', 'Owusu', 'Boateng', 'Okafor', 'Adeyemi', 'Okonkwo', 'Nwosu', 'Kamau', 'Dlamini', 'Ndlovu', 'Mwangi', 'Adébáyọ̀'],
    phonePrefix: '+233',
    latin: true,
  },
]
